"""The first-run wizard: intranet address, sign-in, "Is this you?", choices.

Widgets only: the pages emit intents and show what `desktop.onboarding` answers; nothing here
talks to the intranet, the keychain or the settings file.
"""

from ui.onboarding.choices_page import WizardChoices as WizardChoices
from ui.onboarding.wizard import OnboardingWizard as OnboardingWizard
from ui.onboarding.wizard import PageId as PageId
