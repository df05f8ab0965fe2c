# Docstrings of the exceptions' member descriptors.
print(repr(OSError.errno.__doc__), repr(OSError.strerror.__doc__), repr(OSError.filename.__doc__), repr(OSError.filename2.__doc__))
print(repr(SyntaxError.msg.__doc__), repr(SyntaxError.print_file_and_line.__doc__), repr(SyntaxError.end_offset.__doc__))
print(repr(ImportError.name.__doc__), repr(ImportError.path.__doc__), repr(ImportError.msg.__doc__))
print(repr(StopIteration.value.__doc__), repr(SystemExit.code.__doc__), repr(NameError.name.__doc__))
print(repr(AttributeError.name.__doc__), repr(AttributeError.obj.__doc__))
print(repr(UnicodeEncodeError.start.__doc__), repr(UnicodeDecodeError.reason.__doc__))
print(repr(BaseExceptionGroup.message.__doc__), repr(BaseExceptionGroup.exceptions.__doc__))
