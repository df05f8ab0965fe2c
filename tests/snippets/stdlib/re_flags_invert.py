# RegexFlag inversion keeps unknown bits, as enum's Flag with boundary KEEP.
import re

for v in [re.I, re.I | re.S | re.X, re.I | re.S | re.X | (1 << 20), ~re.I,
          ~(re.I | re.S | re.X), ~(re.I | re.S | re.X | (1 << 20)), ~re.NOFLAG,
          re.RegexFlag(-1), re.RegexFlag(-600), ~re.RegexFlag(1 << 20),
          ~~re.M]:
    print(repr(v), int(v), type(v).__name__)
