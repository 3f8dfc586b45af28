"""Default content shipped with the app: the partner questionnaire and the indicator catalogue."""
