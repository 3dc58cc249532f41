import os
import sys

# The job package beside the tests (a real project would install it).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
