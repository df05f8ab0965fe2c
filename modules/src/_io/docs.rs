//! Docstrings of the `_io` module, as CPython 3.11 reports them at run time (the
//! texts of Modules/_io/clinic/*.h and the type docs), in Argument Clinic's
//! `name(signature)\n--\n\n` form where CPython gives a text signature.
//! Generated from the host python3 by a one-off script; kept as data.

pub const MODULE_DOC: &str = "The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this module.\n\nAt the top of the I/O hierarchy is the abstract base class IOBase. It\ndefines the basic interface to a stream. Note, however, that there is no\nseparation between reading and writing to streams; implementations are\nallowed to raise an OSError if they do not support a given operation.\n\nExtending IOBase is RawIOBase which deals simply with the reading and\nwriting of raw bytes to a stream. FileIO subclasses RawIOBase to provide\nan interface to OS files.\n\nBufferedIOBase deals with buffering on a raw byte stream (RawIOBase). Its\nsubclasses, BufferedWriter, BufferedReader, and BufferedRWPair buffer\nstreams that are readable, writable, and both respectively.\nBufferedRandom provides a buffered interface to random access\nstreams. BytesIO is a simple stream of in-memory bytes.\n\nAnother IOBase subclass, TextIOBase, deals with the encoding and decoding\nof streams into text. TextIOWrapper, which extends it, is a buffered text\ninterface to a buffered raw stream (`BufferedIOBase`). Finally, StringIO\nis an in-memory stream for text.\n\nArgument names are not part of the specification, and only the arguments\nof open() are intended to be used as keyword arguments.\n\ndata:\n\nDEFAULT_BUFFER_SIZE\n\n   An int containing the default buffer size used by the module's buffered\n   I/O classes. open() uses the file's blksize (as obtained by os.stat) if\n   possible.\n";
pub const MOD_OPEN: &str = "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure.\n\nfile is either a text or byte string giving the name (and the path\nif the file isn't in the current working directory) of the file to\nbe opened or an integer file descriptor of the file to be\nwrapped. (If a file descriptor is given, it is closed when the\nreturned I/O object is closed, unless closefd is set to False.)\n\nmode is an optional string that specifies the mode in which the file\nis opened. It defaults to 'r' which means open for reading in text\nmode.  Other common values are 'w' for writing (truncating the file if\nit already exists), 'x' for creating and writing to a new file, and\n'a' for appending (which on some Unix systems, means that all writes\nappend to the end of the file regardless of the current seek position).\nIn text mode, if encoding is not specified the encoding used is platform\ndependent: locale.getencoding() is called to get the current locale encoding.\n(For reading and writing raw bytes use binary mode and leave encoding\nunspecified.) The available modes are:\n\n========= ===============================================================\nCharacter Meaning\n--------- ---------------------------------------------------------------\n'r'       open for reading (default)\n'w'       open for writing, truncating the file first\n'x'       create a new file and open it for writing\n'a'       open for writing, appending to the end of the file if it exists\n'b'       binary mode\n't'       text mode (default)\n'+'       open a disk file for updating (reading and writing)\n========= ===============================================================\n\nThe default mode is 'rt' (open for reading text). For binary random\naccess, the mode 'w+b' opens and truncates the file to 0 bytes, while\n'r+b' opens the file without truncation. The 'x' mode implies 'w' and\nraises an `FileExistsError` if the file already exists.\n\nPython distinguishes between files opened in binary and text modes,\neven when the underlying operating system doesn't. Files opened in\nbinary mode (appending 'b' to the mode argument) return contents as\nbytes objects without any decoding. In text mode (the default, or when\n't' is appended to the mode argument), the contents of the file are\nreturned as strings, the bytes having been first decoded using a\nplatform-dependent encoding or using the specified encoding if given.\n\nbuffering is an optional integer used to set the buffering policy.\nPass 0 to switch buffering off (only allowed in binary mode), 1 to select\nline buffering (only usable in text mode), and an integer > 1 to indicate\nthe size of a fixed-size chunk buffer.  When no buffering argument is\ngiven, the default buffering policy works as follows:\n\n* Binary files are buffered in fixed-size chunks; the size of the buffer\n  is chosen using a heuristic trying to determine the underlying device's\n  \"block size\" and falling back on `io.DEFAULT_BUFFER_SIZE`.\n  On many systems, the buffer will typically be 4096 or 8192 bytes long.\n\n* \"Interactive\" text files (files for which isatty() returns True)\n  use line buffering.  Other text files use the policy described above\n  for binary files.\n\nencoding is the name of the encoding used to decode or encode the\nfile. This should only be used in text mode. The default encoding is\nplatform dependent, but any encoding supported by Python can be\npassed.  See the codecs module for the list of supported encodings.\n\nerrors is an optional string that specifies how encoding errors are to\nbe handled---this argument should not be used in binary mode. Pass\n'strict' to raise a ValueError exception if there is an encoding error\n(the default of None has the same effect), or pass 'ignore' to ignore\nerrors. (Note that ignoring encoding errors can lead to data loss.)\nSee the documentation for codecs.register or run 'help(codecs.Codec)'\nfor a list of the permitted encoding error strings.\n\nnewline controls how universal newlines works (it only applies to text\nmode). It can be None, '', '\\n', '\\r', and '\\r\\n'.  It works as\nfollows:\n\n* On input, if newline is None, universal newlines mode is\n  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n  these are translated into '\\n' before being returned to the\n  caller. If it is '', universal newline mode is enabled, but line\n  endings are returned to the caller untranslated. If it has any of\n  the other legal values, input lines are only terminated by the given\n  string, and the line ending is returned to the caller untranslated.\n\n* On output, if newline is None, any '\\n' characters written are\n  translated to the system default line separator, os.linesep. If\n  newline is '' or '\\n', no translation takes place. If newline is any\n  of the other legal values, any '\\n' characters written are translated\n  to the given string.\n\nIf closefd is False, the underlying file descriptor will be kept open\nwhen the file is closed. This does not work when a file name is given\nand must be True in that case.\n\nA custom opener can be used by passing a callable as *opener*. The\nunderlying file descriptor for the file object is then obtained by\ncalling *opener* with (*file*, *flags*). *opener* must return an open\nfile descriptor (passing os.open as *opener* results in functionality\nsimilar to passing None).\n\nopen() returns a file object whose type depends on the mode, and\nthrough which the standard file operations such as reading and writing\nare performed. When open() is used to open a file in a text mode ('w',\n'r', 'wt', 'rt', etc.), it returns a TextIOWrapper. When used to open\na file in a binary mode, the returned class varies: in read binary\nmode, it returns a BufferedReader; in write binary and append binary\nmodes, it returns a BufferedWriter, and in read/write mode, it returns\na BufferedRandom.\n\nIt is also possible to use a string or bytearray as a file for both\nreading and writing. For strings StringIO can be used like a file\nopened in a text mode, and for bytes a BytesIO can be used like a file\nopened in a binary mode.";
pub const MOD_OPEN_CODE: &str = "open_code($module, /, path)\n--\n\nOpens the provided file with the intent to import the contents.\n\nThis may perform extra validation beyond open(), but is otherwise interchangeable\nwith calling open(path, 'rb').";
pub const MOD_TEXT_ENCODING: &str = "text_encoding($module, encoding, stacklevel=2, /)\n--\n\nA helper function to choose the text encoding.\n\nWhen encoding is not None, this function returns it.\nOtherwise, this function returns the default text encoding\n(i.e. \"locale\" or \"utf-8\" depends on UTF-8 mode).\n\nThis function emits an EncodingWarning if encoding is None and\nsys.flags.warn_default_encoding is true.\n\nThis can be used in APIs with an encoding=None parameter.\nHowever, please consider using encoding=\"utf-8\" for new APIs.";
pub const IOBASE_DOC: &str = "The abstract base class for all I/O classes.\n\nThis class provides dummy implementations for many methods that\nderived classes can override selectively; the default implementations\nrepresent a file that cannot be read, written or seeked.\n\nEven though IOBase does not declare read, readinto, or write because\ntheir signatures will vary, implementations and clients should\nconsider those methods part of the interface. Also, implementations\nmay raise UnsupportedOperation when operations they do not support are\ncalled.\n\nThe basic type used for binary data read from or written to a file is\nbytes. Other bytes-like objects are accepted as method arguments too.\nIn some cases (such as readinto), a writable object is required. Text\nI/O classes work with str data.\n\nNote that calling any method (except additional calls to close(),\nwhich are ignored) on a closed stream should raise a ValueError.\n\nIOBase (and its subclasses) support the iterator protocol, meaning\nthat an IOBase object can be iterated over yielding the lines in a\nstream.\n\nIOBase also supports the :keyword:`with` statement. In this example,\nfp is closed after the suite of the with statement is complete:\n\nwith open('spam.txt', 'r') as fp:\n    fp.write('Spam and eggs!')\n";
pub const IOBASE_SEEK: &str = "seek($self, offset, whence=os.SEEK_SET, /)\n--\n\nChange the stream position to the given byte offset.\n\n  offset\n    The stream position, relative to 'whence'.\n  whence\n    The relative position to seek from.\n\nThe offset is interpreted relative to the position indicated by whence.\nValues for whence are:\n\n* os.SEEK_SET or 0 -- start of stream (the default); offset should be zero or positive\n* os.SEEK_CUR or 1 -- current stream position; offset may be negative\n* os.SEEK_END or 2 -- end of stream; offset is usually negative\n\nReturn the new absolute position.";
pub const IOBASE_TELL: &str = "tell($self, /)\n--\n\nReturn current stream position.";
pub const IOBASE_TRUNCATE: &str = "Truncate file to size bytes.\n\nFile pointer is left unchanged.  Size defaults to the current IO\nposition as reported by tell().  Returns the new size.";
pub const IOBASE_FLUSH: &str = "flush($self, /)\n--\n\nFlush write buffers, if applicable.\n\nThis is not implemented for read-only and non-blocking streams.";
pub const IOBASE_CLOSE: &str = "close($self, /)\n--\n\nFlush and close the IO object.\n\nThis method has no effect if the file is already closed.";
pub const IOBASE_SEEKABLE: &str = "seekable($self, /)\n--\n\nReturn whether object supports random access.\n\nIf False, seek(), tell() and truncate() will raise OSError.\nThis method may need to do a test seek().";
pub const IOBASE_READABLE: &str = "readable($self, /)\n--\n\nReturn whether object was opened for reading.\n\nIf False, read() will raise OSError.";
pub const IOBASE_WRITABLE: &str = "writable($self, /)\n--\n\nReturn whether object was opened for writing.\n\nIf False, write() will raise OSError.";
pub const IOBASE_CHECKCLOSED: &str = "";
pub const IOBASE_CHECKSEEKABLE: &str = "";
pub const IOBASE_CHECKREADABLE: &str = "";
pub const IOBASE_CHECKWRITABLE: &str = "";
pub const IOBASE_FILENO: &str = "fileno($self, /)\n--\n\nReturns underlying file descriptor if one exists.\n\nOSError is raised if the IO object does not use a file descriptor.";
pub const IOBASE_ISATTY: &str = "isatty($self, /)\n--\n\nReturn whether this is an 'interactive' stream.\n\nReturn False if it can't be determined.";
pub const IOBASE_ENTER: &str = "";
pub const IOBASE_EXIT: &str = "";
pub const IOBASE_READLINE: &str = "readline($self, size=-1, /)\n--\n\nRead and return a line from the stream.\n\nIf size is specified, at most size bytes will be read.\n\nThe line terminator is always b'\\n' for binary files; for text\nfiles, the newlines argument to open can be used to select the line\nterminator(s) recognized.";
pub const IOBASE_READLINES: &str = "readlines($self, hint=-1, /)\n--\n\nReturn a list of lines from the stream.\n\nhint can be specified to control the number of lines read: no more\nlines will be read if the total size (in bytes/characters) of all\nlines so far exceeds hint.";
pub const IOBASE_WRITELINES: &str = "writelines($self, lines, /)\n--\n\nWrite a list of lines to stream.\n\nLine separators are not added, so it is usual for each of the\nlines provided to have a line separator at the end.";
pub const IOBASE_CLOSED: &str = "";
pub const RAWIOBASE_DOC: &str = "Base class for raw binary I/O.";
pub const RAWIOBASE_READ: &str = "read($self, size=-1, /)\n--\n\n";
pub const RAWIOBASE_READALL: &str =
    "readall($self, /)\n--\n\nRead until EOF, using multiple read() call.";
pub const RAWIOBASE_READINTO: &str = "";
pub const RAWIOBASE_WRITE: &str = "";
pub const BUFFEREDIOBASE_DOC: &str = "Base class for buffered IO objects.\n\nThe main difference with RawIOBase is that the read() method\nsupports omitting the size argument, and does not have a default\nimplementation that defers to readinto().\n\nIn addition, read(), readinto() and write() may raise\nBlockingIOError if the underlying raw stream is in non-blocking\nmode and not ready; unlike their raw counterparts, they will never\nreturn None.\n\nA typical implementation should not inherit from a RawIOBase\nimplementation, but wrap one.\n";
pub const BUFFEREDIOBASE_DETACH: &str = "detach($self, /)\n--\n\nDisconnect this buffer from its underlying raw stream and return it.\n\nAfter the raw stream has been detached, the buffer is in an unusable\nstate.";
pub const BUFFEREDIOBASE_READ: &str = "Read and return up to n bytes.\n\nIf the argument is omitted, None, or negative, reads and\nreturns all data until EOF.\n\nIf the argument is positive, and the underlying raw stream is\nnot 'interactive', multiple raw reads may be issued to satisfy\nthe byte count (unless EOF is reached first).  But for\ninteractive raw streams (as well as sockets and pipes), at most\none raw read will be issued, and a short result does not imply\nthat EOF is imminent.\n\nReturns an empty bytes object on EOF.\n\nReturns None if the underlying raw stream was open in non-blocking\nmode and no data is available at the moment.\n";
pub const BUFFEREDIOBASE_READ1: &str = "Read and return up to n bytes, with at most one read() call\nto the underlying raw stream. A short result does not imply\nthat EOF is imminent.\n\nReturns an empty bytes object on EOF.\n";
pub const BUFFEREDIOBASE_READINTO: &str = "readinto($self, buffer, /)\n--\n\n";
pub const BUFFEREDIOBASE_READINTO1: &str = "readinto1($self, buffer, /)\n--\n\n";
pub const BUFFEREDIOBASE_WRITE: &str = "Write the given buffer to the IO stream.\n\nReturns the number of bytes written, which is always the length of b\nin bytes.\n\nRaises BlockingIOError if the buffer is full and the\nunderlying raw stream cannot accept more data at the moment.\n";
pub const TEXTIOBASE_DOC: &str = "Base class for text I/O.\n\nThis class provides a character and line based interface to stream\nI/O. There is no readinto method because Python's character strings\nare immutable.\n";
pub const TEXTIOBASE_DETACH: &str = "Separate the underlying buffer from the TextIOBase and return it.\n\nAfter the underlying buffer has been detached, the TextIO is in an\nunusable state.\n";
pub const TEXTIOBASE_READ: &str = "Read at most n characters from stream.\n\nRead from underlying buffer until we have n characters or we hit EOF.\nIf n is negative or omitted, read until EOF.\n";
pub const TEXTIOBASE_READLINE: &str =
    "Read until newline or EOF.\n\nReturns an empty string if EOF is hit immediately.\n";
pub const TEXTIOBASE_WRITE: &str = "Write string to stream.\nReturns the number of characters written (which is always equal to\nthe length of the string).\n";
pub const TEXTIOBASE_ENCODING: &str =
    "Encoding of the text stream.\n\nSubclasses should override.\n";
pub const TEXTIOBASE_NEWLINES: &str = "Line endings translated so far.\n\nOnly line endings translated during reading are considered.\n\nSubclasses should override.\n";
pub const TEXTIOBASE_ERRORS: &str =
    "The error setting of the decoder or encoder.\n\nSubclasses should override.\n";
pub const FILEIO_DOC: &str = "FileIO(file, mode='r', closefd=True, opener=None)\n--\n\nOpen a file.\n\nThe mode can be 'r' (default), 'w', 'x' or 'a' for reading,\nwriting, exclusive creation or appending.  The file will be created if it\ndoesn't exist when opened for writing or appending; it will be truncated\nwhen opened for writing.  A FileExistsError will be raised if it already\nexists when opened for creating. Opening a file for creating implies\nwriting so this mode behaves in a similar way to 'w'.Add a '+' to the mode\nto allow simultaneous reading and writing. A custom opener can be used by\npassing a callable as *opener*. The underlying file descriptor for the file\nobject is then obtained by calling opener with (*name*, *flags*).\n*opener* must return an open file descriptor (passing os.open as *opener*\nresults in functionality similar to passing None).";
pub const FILEIO_READ: &str = "read($self, size=-1, /)\n--\n\nRead at most size bytes, returned as bytes.\n\nOnly makes one system call, so less data may be returned than requested.\nIn non-blocking mode, returns None if no data is available.\nReturn an empty bytes object at EOF.";
pub const FILEIO_READALL: &str = "readall($self, /)\n--\n\nRead all data from the file, returned as bytes.\n\nIn non-blocking mode, returns as much as is immediately available,\nor None if no data is available.  Return an empty bytes object at EOF.";
pub const FILEIO_READINTO: &str = "readinto($self, buffer, /)\n--\n\nSame as RawIOBase.readinto().";
pub const FILEIO_WRITE: &str = "write($self, b, /)\n--\n\nWrite buffer b to file, return number of bytes written.\n\nOnly makes one system call, so not all of the data may be written.\nThe number of bytes actually written is returned.  In non-blocking mode,\nreturns None if the write would block.";
pub const FILEIO_SEEK: &str = "seek($self, pos, whence=0, /)\n--\n\nMove to new file position and return the file position.\n\nArgument offset is a byte count.  Optional argument whence defaults to\nSEEK_SET or 0 (offset from start of file, offset should be >= 0); other values\nare SEEK_CUR or 1 (move relative to current position, positive or negative),\nand SEEK_END or 2 (move relative to end of file, usually negative, although\nmany platforms allow seeking beyond the end of a file).\n\nNote that not all file objects are seekable.";
pub const FILEIO_TELL: &str =
    "tell($self, /)\n--\n\nCurrent file position.\n\nCan raise OSError for non seekable files.";
pub const FILEIO_TRUNCATE: &str = "truncate($self, size=None, /)\n--\n\nTruncate the file to at most size bytes and return the truncated size.\n\nSize defaults to the current file position, as returned by tell().\nThe current file position is changed to the value of size.";
pub const FILEIO_CLOSE: &str = "close($self, /)\n--\n\nClose the file.\n\nA closed file cannot be used for further I/O operations.  close() may be\ncalled more than once without error.";
pub const FILEIO_SEEKABLE: &str = "seekable($self, /)\n--\n\nTrue if file supports random-access.";
pub const FILEIO_READABLE: &str =
    "readable($self, /)\n--\n\nTrue if file was opened in a read mode.";
pub const FILEIO_WRITABLE: &str =
    "writable($self, /)\n--\n\nTrue if file was opened in a write mode.";
pub const FILEIO_FILENO: &str =
    "fileno($self, /)\n--\n\nReturn the underlying file descriptor (an integer).";
pub const FILEIO_ISATTY: &str =
    "isatty($self, /)\n--\n\nTrue if the file is connected to a TTY device.";
pub const FILEIO_DEALLOC_WARN: &str = "";
pub const FILEIO_BLKSIZE: &str = "";
pub const FILEIO_FINALIZING: &str = "";
pub const FILEIO_CLOSED: &str = "True if the file is closed";
pub const FILEIO_CLOSEFD: &str = "True if the file descriptor will be closed by close().";
pub const FILEIO_MODE: &str = "String giving the file mode";
pub const BYTESIO_DOC: &str = "BytesIO(initial_bytes=b'')\n--\n\nBuffered I/O implementation using an in-memory bytes buffer.";
pub const BYTESIO_READABLE: &str =
    "readable($self, /)\n--\n\nReturns True if the IO object can be read.";
pub const BYTESIO_SEEKABLE: &str =
    "seekable($self, /)\n--\n\nReturns True if the IO object can be seeked.";
pub const BYTESIO_WRITABLE: &str =
    "writable($self, /)\n--\n\nReturns True if the IO object can be written.";
pub const BYTESIO_CLOSE: &str = "close($self, /)\n--\n\nDisable all I/O operations.";
pub const BYTESIO_FLUSH: &str = "flush($self, /)\n--\n\nDoes nothing.";
pub const BYTESIO_ISATTY: &str = "isatty($self, /)\n--\n\nAlways returns False.\n\nBytesIO objects are not connected to a TTY-like device.";
pub const BYTESIO_TELL: &str = "tell($self, /)\n--\n\nCurrent file position, an integer.";
pub const BYTESIO_WRITE: &str =
    "write($self, b, /)\n--\n\nWrite bytes to file.\n\nReturn the number of bytes written.";
pub const BYTESIO_WRITELINES: &str = "writelines($self, lines, /)\n--\n\nWrite lines to the file.\n\nNote that newlines are not added.  lines can be any iterable object\nproducing bytes-like objects. This is equivalent to calling write() for\neach element.";
pub const BYTESIO_READ1: &str = "read1($self, size=-1, /)\n--\n\nRead at most size bytes, returned as a bytes object.\n\nIf the size argument is negative or omitted, read until EOF is reached.\nReturn an empty bytes object at EOF.";
pub const BYTESIO_READINTO: &str = "readinto($self, buffer, /)\n--\n\nRead bytes into buffer.\n\nReturns number of bytes read (0 for EOF), or None if the object\nis set not to block and has no data to read.";
pub const BYTESIO_READLINE: &str = "readline($self, size=-1, /)\n--\n\nNext line from the file, as a bytes object.\n\nRetain newline.  A non-negative size argument limits the maximum\nnumber of bytes to return (an incomplete line may be returned then).\nReturn an empty bytes object at EOF.";
pub const BYTESIO_READLINES: &str = "readlines($self, size=None, /)\n--\n\nList of bytes objects, each a line from the file.\n\nCall readline() repeatedly and return a list of the lines so read.\nThe optional size argument, if given, is an approximate bound on the\ntotal number of bytes in the lines returned.";
pub const BYTESIO_READ: &str = "read($self, size=-1, /)\n--\n\nRead at most size bytes, returned as a bytes object.\n\nIf the size argument is negative, read until EOF is reached.\nReturn an empty bytes object at EOF.";
pub const BYTESIO_GETBUFFER: &str =
    "getbuffer($self, /)\n--\n\nGet a read-write view over the contents of the BytesIO object.";
pub const BYTESIO_GETVALUE: &str =
    "getvalue($self, /)\n--\n\nRetrieve the entire contents of the BytesIO object.";
pub const BYTESIO_SEEK: &str = "seek($self, pos, whence=0, /)\n--\n\nChange stream position.\n\nSeek to byte offset pos relative to position indicated by whence:\n     0  Start of stream (the default).  pos should be >= 0;\n     1  Current position - pos may be negative;\n     2  End of stream - pos usually negative.\nReturns the new absolute position.";
pub const BYTESIO_TRUNCATE: &str = "truncate($self, size=None, /)\n--\n\nTruncate the file to at most size bytes.\n\nSize defaults to the current file position, as returned by tell().\nThe current file position is unchanged.  Returns the new size.";
pub const BYTESIO_GETSTATE: &str = "";
pub const BYTESIO_SETSTATE: &str = "";
pub const BYTESIO_SIZEOF: &str = "";
pub const BYTESIO_CLOSED: &str = "True if the file is closed.";
pub const STRINGIO_DOC: &str = "StringIO(initial_value='', newline='\\n')\n--\n\nText I/O implementation using an in-memory buffer.\n\nThe initial_value argument sets the value of object.  The newline\nargument is like the one of TextIOWrapper's constructor.";
pub const STRINGIO_CLOSE: &str = "close($self, /)\n--\n\nClose the IO object.\n\nAttempting any further operation after the object is closed\nwill raise a ValueError.\n\nThis method has no effect if the file is already closed.";
pub const STRINGIO_GETVALUE: &str =
    "getvalue($self, /)\n--\n\nRetrieve the entire contents of the object.";
pub const STRINGIO_READ: &str = "read($self, size=-1, /)\n--\n\nRead at most size characters, returned as a string.\n\nIf the argument is negative or omitted, read until EOF\nis reached. Return an empty string at EOF.";
pub const STRINGIO_READLINE: &str = "readline($self, size=-1, /)\n--\n\nRead until newline or EOF.\n\nReturns an empty string if EOF is hit immediately.";
pub const STRINGIO_TELL: &str = "tell($self, /)\n--\n\nTell the current file position.";
pub const STRINGIO_TRUNCATE: &str = "truncate($self, pos=None, /)\n--\n\nTruncate size to pos.\n\nThe pos argument defaults to the current file position, as\nreturned by tell().  The current file position is unchanged.\nReturns the new absolute position.";
pub const STRINGIO_SEEK: &str = "seek($self, pos, whence=0, /)\n--\n\nChange stream position.\n\nSeek to character offset pos relative to position indicated by whence:\n    0  Start of stream (the default).  pos should be >= 0;\n    1  Current position - pos must be 0;\n    2  End of stream - pos must be 0.\nReturns the new absolute position.";
pub const STRINGIO_WRITE: &str = "write($self, s, /)\n--\n\nWrite string to file.\n\nReturns the number of characters written, which is always equal to\nthe length of the string.";
pub const STRINGIO_SEEKABLE: &str =
    "seekable($self, /)\n--\n\nReturns True if the IO object can be seeked.";
pub const STRINGIO_READABLE: &str =
    "readable($self, /)\n--\n\nReturns True if the IO object can be read.";
pub const STRINGIO_WRITABLE: &str =
    "writable($self, /)\n--\n\nReturns True if the IO object can be written.";
pub const STRINGIO_GETSTATE: &str = "";
pub const STRINGIO_SETSTATE: &str = "";
pub const STRINGIO_CLOSED: &str = "";
pub const STRINGIO_NEWLINES: &str = "";
pub const STRINGIO_LINE_BUFFERING: &str = "";
pub const BUFFEREDREADER_DOC: &str = "BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nCreate a new buffered reader using the given readable raw IO object.";
pub const BUFFEREDREADER_DETACH: &str = "";
pub const BUFFEREDREADER_FLUSH: &str = "";
pub const BUFFEREDREADER_CLOSE: &str = "";
pub const BUFFEREDREADER_SEEKABLE: &str = "";
pub const BUFFEREDREADER_READABLE: &str = "";
pub const BUFFEREDREADER_FILENO: &str = "";
pub const BUFFEREDREADER_ISATTY: &str = "";
pub const BUFFEREDREADER_DEALLOC_WARN: &str = "";
pub const BUFFEREDREADER_READ: &str = "read($self, size=-1, /)\n--\n\n";
pub const BUFFEREDREADER_PEEK: &str = "peek($self, size=0, /)\n--\n\n";
pub const BUFFEREDREADER_READ1: &str = "read1($self, size=-1, /)\n--\n\n";
pub const BUFFEREDREADER_READINTO: &str = "readinto($self, buffer, /)\n--\n\n";
pub const BUFFEREDREADER_READINTO1: &str = "readinto1($self, buffer, /)\n--\n\n";
pub const BUFFEREDREADER_READLINE: &str = "readline($self, size=-1, /)\n--\n\n";
pub const BUFFEREDREADER_SEEK: &str = "seek($self, target, whence=0, /)\n--\n\n";
pub const BUFFEREDREADER_TELL: &str = "";
pub const BUFFEREDREADER_TRUNCATE: &str = "truncate($self, pos=None, /)\n--\n\n";
pub const BUFFEREDREADER_SIZEOF: &str = "";
pub const BUFFEREDREADER_RAW: &str = "";
pub const BUFFEREDREADER_FINALIZING: &str = "";
pub const BUFFEREDREADER_CLOSED: &str = "";
pub const BUFFEREDREADER_NAME: &str = "";
pub const BUFFEREDREADER_MODE: &str = "";
pub const BUFFEREDWRITER_DOC: &str = "BufferedWriter(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffer for a writeable sequential RawIO object.\n\nThe constructor creates a BufferedWriter for the given writeable raw\nstream. If the buffer_size is not given, it defaults to\nDEFAULT_BUFFER_SIZE.";
pub const BUFFEREDWRITER_CLOSE: &str = "";
pub const BUFFEREDWRITER_DETACH: &str = "";
pub const BUFFEREDWRITER_SEEKABLE: &str = "";
pub const BUFFEREDWRITER_WRITABLE: &str = "";
pub const BUFFEREDWRITER_FILENO: &str = "";
pub const BUFFEREDWRITER_ISATTY: &str = "";
pub const BUFFEREDWRITER_DEALLOC_WARN: &str = "";
pub const BUFFEREDWRITER_WRITE: &str = "write($self, buffer, /)\n--\n\n";
pub const BUFFEREDWRITER_TRUNCATE: &str = "truncate($self, pos=None, /)\n--\n\n";
pub const BUFFEREDWRITER_FLUSH: &str = "";
pub const BUFFEREDWRITER_SEEK: &str = "seek($self, target, whence=0, /)\n--\n\n";
pub const BUFFEREDWRITER_TELL: &str = "";
pub const BUFFEREDWRITER_SIZEOF: &str = "";
pub const BUFFEREDWRITER_RAW: &str = "";
pub const BUFFEREDWRITER_FINALIZING: &str = "";
pub const BUFFEREDWRITER_CLOSED: &str = "";
pub const BUFFEREDWRITER_NAME: &str = "";
pub const BUFFEREDWRITER_MODE: &str = "";
pub const BUFFEREDRANDOM_DOC: &str = "BufferedRandom(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\nA buffered interface to random access streams.\n\nThe constructor creates a reader and writer for a seekable stream,\nraw, given in the first argument. If the buffer_size is omitted it\ndefaults to DEFAULT_BUFFER_SIZE.";
pub const BUFFEREDRANDOM_CLOSE: &str = "";
pub const BUFFEREDRANDOM_DETACH: &str = "";
pub const BUFFEREDRANDOM_SEEKABLE: &str = "";
pub const BUFFEREDRANDOM_READABLE: &str = "";
pub const BUFFEREDRANDOM_WRITABLE: &str = "";
pub const BUFFEREDRANDOM_FILENO: &str = "";
pub const BUFFEREDRANDOM_ISATTY: &str = "";
pub const BUFFEREDRANDOM_DEALLOC_WARN: &str = "";
pub const BUFFEREDRANDOM_FLUSH: &str = "";
pub const BUFFEREDRANDOM_SEEK: &str = "seek($self, target, whence=0, /)\n--\n\n";
pub const BUFFEREDRANDOM_TELL: &str = "";
pub const BUFFEREDRANDOM_TRUNCATE: &str = "truncate($self, pos=None, /)\n--\n\n";
pub const BUFFEREDRANDOM_READ: &str = "read($self, size=-1, /)\n--\n\n";
pub const BUFFEREDRANDOM_READ1: &str = "read1($self, size=-1, /)\n--\n\n";
pub const BUFFEREDRANDOM_READINTO: &str = "readinto($self, buffer, /)\n--\n\n";
pub const BUFFEREDRANDOM_READINTO1: &str = "readinto1($self, buffer, /)\n--\n\n";
pub const BUFFEREDRANDOM_READLINE: &str = "readline($self, size=-1, /)\n--\n\n";
pub const BUFFEREDRANDOM_PEEK: &str = "peek($self, size=0, /)\n--\n\n";
pub const BUFFEREDRANDOM_WRITE: &str = "write($self, buffer, /)\n--\n\n";
pub const BUFFEREDRANDOM_SIZEOF: &str = "";
pub const BUFFEREDRANDOM_RAW: &str = "";
pub const BUFFEREDRANDOM_FINALIZING: &str = "";
pub const BUFFEREDRANDOM_CLOSED: &str = "";
pub const BUFFEREDRANDOM_NAME: &str = "";
pub const BUFFEREDRANDOM_MODE: &str = "";
pub const BUFFEREDRWPAIR_DOC: &str = "BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)\n--\n\nA buffered reader and writer object together.\n\nA buffered reader object and buffered writer object put together to\nform a sequential IO object that can read and write. This is typically\nused with a socket or two-way pipe.\n\nreader and writer are RawIOBase objects that are readable and\nwriteable respectively. If the buffer_size is omitted it defaults to\nDEFAULT_BUFFER_SIZE.";
pub const BUFFEREDRWPAIR_READ: &str = "";
pub const BUFFEREDRWPAIR_PEEK: &str = "";
pub const BUFFEREDRWPAIR_READ1: &str = "";
pub const BUFFEREDRWPAIR_READINTO: &str = "";
pub const BUFFEREDRWPAIR_READINTO1: &str = "";
pub const BUFFEREDRWPAIR_WRITE: &str = "";
pub const BUFFEREDRWPAIR_FLUSH: &str = "";
pub const BUFFEREDRWPAIR_READABLE: &str = "";
pub const BUFFEREDRWPAIR_WRITABLE: &str = "";
pub const BUFFEREDRWPAIR_CLOSE: &str = "";
pub const BUFFEREDRWPAIR_ISATTY: &str = "";
pub const BUFFEREDRWPAIR_CLOSED: &str = "";
pub const TEXTIOWRAPPER_DOC: &str = "TextIOWrapper(buffer, encoding=None, errors=None, newline=None,\n              line_buffering=False, write_through=False)\n--\n\nCharacter and line based layer over a BufferedIOBase object, buffer.\n\nencoding gives the name of the encoding that the stream will be\ndecoded or encoded with. It defaults to locale.getencoding().\n\nerrors determines the strictness of encoding and decoding (see\nhelp(codecs.Codec) or the documentation for codecs.register) and\ndefaults to \"strict\".\n\nnewline controls how line endings are handled. It can be None, '',\n'\\n', '\\r', and '\\r\\n'.  It works as follows:\n\n* On input, if newline is None, universal newlines mode is\n  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n  these are translated into '\\n' before being returned to the\n  caller. If it is '', universal newline mode is enabled, but line\n  endings are returned to the caller untranslated. If it has any of\n  the other legal values, input lines are only terminated by the given\n  string, and the line ending is returned to the caller untranslated.\n\n* On output, if newline is None, any '\\n' characters written are\n  translated to the system default line separator, os.linesep. If\n  newline is '' or '\\n', no translation takes place. If newline is any\n  of the other legal values, any '\\n' characters written are translated\n  to the given string.\n\nIf line_buffering is True, a call to flush is implied when a call to\nwrite contains a newline character.";
pub const TEXTIOWRAPPER_DETACH: &str = "detach($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_RECONFIGURE: &str = "reconfigure($self, /, *, encoding=None, errors=None, newline=None,\n            line_buffering=None, write_through=None)\n--\n\nReconfigure the text stream with new parameters.\n\nThis also does an implicit stream flush.";
pub const TEXTIOWRAPPER_WRITE: &str = "write($self, text, /)\n--\n\n";
pub const TEXTIOWRAPPER_READ: &str = "read($self, size=-1, /)\n--\n\n";
pub const TEXTIOWRAPPER_READLINE: &str = "readline($self, size=-1, /)\n--\n\n";
pub const TEXTIOWRAPPER_FLUSH: &str = "flush($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_CLOSE: &str = "close($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_FILENO: &str = "fileno($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_SEEKABLE: &str = "seekable($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_READABLE: &str = "readable($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_WRITABLE: &str = "writable($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_ISATTY: &str = "isatty($self, /)\n--\n\n";
pub const TEXTIOWRAPPER_SEEK: &str = "seek($self, cookie, whence=os.SEEK_SET, /)\n--\n\nSet the stream position, and return the new stream position.\n\n  cookie\n    Zero or an opaque number returned by tell().\n  whence\n    The relative position to seek from.\n\nFour operations are supported, given by the following argument\ncombinations:\n\n- seek(0, SEEK_SET): Rewind to the start of the stream.\n- seek(cookie, SEEK_SET): Restore a previous position;\n  'cookie' must be a number returned by tell().\n- seek(0, SEEK_END): Fast-forward to the end of the stream.\n- seek(0, SEEK_CUR): Leave the current stream position unchanged.\n\nAny other argument combinations are invalid,\nand may raise exceptions.";
pub const TEXTIOWRAPPER_TELL: &str = "tell($self, /)\n--\n\nReturn the stream position as an opaque number.\n\nThe return value of tell() can be given as input to seek(), to restore a\nprevious stream position.";
pub const TEXTIOWRAPPER_TRUNCATE: &str = "truncate($self, pos=None, /)\n--\n\n";
pub const TEXTIOWRAPPER_ENCODING: &str = "";
pub const TEXTIOWRAPPER_BUFFER: &str = "";
pub const TEXTIOWRAPPER_LINE_BUFFERING: &str = "";
pub const TEXTIOWRAPPER_WRITE_THROUGH: &str = "";
pub const TEXTIOWRAPPER_FINALIZING: &str = "";
pub const TEXTIOWRAPPER_NAME: &str = "";
pub const TEXTIOWRAPPER_CLOSED: &str = "";
pub const TEXTIOWRAPPER_NEWLINES: &str = "";
pub const TEXTIOWRAPPER_ERRORS: &str = "";
pub const TEXTIOWRAPPER_CHUNK_SIZE: &str = "";
pub const INCREMENTALNEWLINEDECODER_DOC: &str = "IncrementalNewlineDecoder(decoder, translate, errors='strict')\n--\n\nCodec used when reading a file in universal newlines mode.\n\nIt wraps another incremental decoder, translating \\r\\n and \\r into \\n.\nIt also records the types of newlines encountered.  When used with\ntranslate=False, it ensures that the newline sequence is returned in\none piece. When used with decoder=None, it expects unicode strings as\ndecode input and translates newlines without first invoking an external\ndecoder.";
pub const INCREMENTALNEWLINEDECODER_DECODE: &str = "decode($self, /, input, final=False)\n--\n\n";
pub const INCREMENTALNEWLINEDECODER_GETSTATE: &str = "getstate($self, /)\n--\n\n";
pub const INCREMENTALNEWLINEDECODER_SETSTATE: &str = "setstate($self, state, /)\n--\n\n";
pub const INCREMENTALNEWLINEDECODER_RESET: &str = "reset($self, /)\n--\n\n";
pub const INCREMENTALNEWLINEDECODER_NEWLINES: &str = "";
