# -*- coding: latin-1 -*-
x = "café"
y = "à la carte"
