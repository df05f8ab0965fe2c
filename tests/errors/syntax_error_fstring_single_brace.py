"""A single closing brace in an f-string: reported at the token after the strings."""
value = 3
print(f"{value}" f" }} and }" ,
      value)
