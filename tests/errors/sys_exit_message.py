"""sys.exit("msg"): the message goes to stderr and the exit status is 1."""
import sys
print("working")
sys.exit("fatal: configuration missing")
