"""Tabs after spaces in indentation are allowed when consistent; this file
runs, then fails at run time."""
if True:
    	x = 1
    	if x:
    		raise ValueError(f"{x = }")
