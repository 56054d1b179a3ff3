# Django's Albanian formats name a thousands separator but no grouping, so 7421 stayed "7421".
NUMBER_GROUPING = 3
