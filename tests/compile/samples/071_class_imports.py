class C:
    import os
    from sys import path as p
    from . import rel

    def m(self):
        import json as j
        return j
