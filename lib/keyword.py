"""Keywords (from "Grammar/python.gram")

This file is pyrs's keyword module (CPython 3.11's Lib/keyword.py, which CPython
generates from its grammar); the lists are CPython 3.11's.

Contains:
   iskeyword(): tests whether a string is a keyword
   issoftkeyword(): tests whether a string is a soft keyword
   kwlist: the list of keywords
   softkwlist: the list of soft keywords
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield'
]

softkwlist = [
    '_',
    'case',
    'match'
]

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
