"""A library's year plans over the years: finding a plan by year, rolling one over."""
