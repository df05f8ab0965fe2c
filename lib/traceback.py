"""Extract, format and print information about Python stack traces.

pyrs's traceback (CPython 3.11's Lib/traceback.py), written for pyrs.

Three layers:

  FrameSummary        one frame of a stack or traceback: file, line number, name,
                      source line, and the columns of the failing expression
  StackSummary        a list of FrameSummary, and how it is formatted (the "^^^~~~"
                      position markers, "[Previous line repeated N more times]")
  TracebackException  an exception captured as text and summaries, with its
                      __cause__, __context__ and (for exception groups) the nested
                      exceptions, and how the whole chain is formatted

The functions (print_exc, format_exception, extract_stack, ...) are thin wrappers
around them. The text is what the interpreter itself prints for an uncaught
exception (python/src/traceback.rs and pythonrun.rs).
"""

import collections.abc
import itertools
import linecache
import sys
import textwrap
from contextlib import suppress

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


# -- formatting and printing lists of frames -------------------------------------

def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb() or
    extract_stack() as a formatted stack trace to the given file."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of tuples or FrameSummary objects for printing.

    Given a list of tuples or FrameSummary objects as returned by
    extract_tb() or extract_stack(), return a list of strings ready
    for printing.

    Each string in the resulting list corresponds to the item with the
    same index in the argument list.  Each string ends in a newline;
    the strings may contain internal newlines as well, for those items
    whose source text line is not None.
    """
    return StackSummary.from_list(extracted_list).format()


# -- tracebacks ----------------------------------------------------------------------

def print_tb(tb, limit=None, file=None):
    """Print up to 'limit' stack trace entries from the traceback 'tb'.

    If 'limit' is omitted or None, all entries are printed.  If 'file'
    is omitted or None, the output goes to sys.stderr; otherwise
    'file' should be an open file or file-like object with a write()
    method.
    """
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """
    Return a StackSummary object representing a list of
    pre-processed entries from traceback.

    This is useful for alternate formatting of stack traces.  If
    'limit' is omitted or None, all entries are extracted.  A
    pre-processed stack trace entry is a FrameSummary object
    containing attributes filename, lineno, name, and line
    representing the information that is usually printed for a stack
    trace.  The line is a string with leading and trailing
    whitespace stripped; if the source is not available it is None.
    """
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


# -- exceptions ----------------------------------------------------------------------

_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class _Sentinel:
    # The default of the value and tb parameters: "not given", which differs
    # from an explicit None.
    def __repr__(self):
        return "<implicit>"

_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    # print_exception(exc) and print_exception(type, value, tb): the old
    # three-argument form is still accepted.
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is None:
            return None, None
        if not isinstance(exc, BaseException):
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return exc, exc.__traceback__
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, \
                    file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file'.

    This differs from print_tb() in the following ways: (1) if
    traceback is not None, it prints a header "Traceback (most recent
    call last):"; (2) it prints the exception type and value after the
    stack trace; (3) if type is SyntaxError and value has the
    appropriate format, it prints the line where the syntax error
    occurred with a caret on the next line indicating the approximate
    position of the error.
    """
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, \
                     chain=True):
    """Format a stack trace and the exception information.

    The arguments have the same meaning as the corresponding arguments
    to print_exception().  The return value is a list of strings, each
    ending in a newline and some containing internal newlines.  When
    these lines are concatenated and printed, exactly the same text is
    printed as does print_exception().
    """
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """Format the exception part of a traceback.

    The return value is a list of strings, each ending in a newline.

    The list contains the exception's message, which is
    normally a single string; however, for :exc:`SyntaxError` exceptions, it
    contains several lines that (when printed) display detailed information
    about where the syntax error occurred. Following the message, the list
    contains the exception's ``__notes__``.
    """
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    # "Type: message", or just "Type" when the message is empty.
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    # str() of an exception or note that may itself raise: a traceback must
    # still be printed.
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(*sys.exc_info(), limit, file)'."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """This is a shorthand for 'print_exception(sys.last_type,
    sys.last_value, sys.last_traceback, limit, file)'."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# -- stacks ----------------------------------------------------------------------------

def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point.

    The optional 'f' argument can be used to specify an alternate
    stack frame at which to start. The optional 'limit' and 'file'
    arguments have the same meaning as for print_exception().
    """
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame.

    The return value has the same format as for extract_tb().  The
    optional 'f' and 'limit' arguments have the same meaning as for
    print_stack().  Each item in the list is a quadruple (filename,
    line number, function name, text), and the entries are in order
    from oldest to newest stack frame.
    """
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    "Clear all references to local variables in the frames of a traceback."
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            # The frame is still running: it cannot be cleared.
            pass
        tb = tb.tb_next


class FrameSummary:
    """Information about a single frame from a traceback.

    - :attr:`filename` The filename for the frame.
    - :attr:`lineno` The line within filename for the frame that was
      active when the frame was captured.
    - :attr:`name` The name of the function or method that was executing
      when the frame was captured.
    - :attr:`line` The text from the linecache module for the
      of code that was running when the frame was captured.
    - :attr:`locals` Either None if locals were not supplied, or a dict
      mapping the name to the repr() of the variable.
    """

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
            locals=None, line=None,
            end_lineno=None, colno=None, end_colno=None):
        """Construct a FrameSummary.

        :param lookup_line: If True, `linecache` is consulted for the source
            code line. Otherwise, the line will be looked up when first needed.
        :param locals: If supplied the frame locals, which will be captured as
            object representations.
        :param line: If provided, use this instead of looking up the line in
            the linecache.
        """
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    # A FrameSummary still reads as the 4-tuple that extract_tb() used to give.
    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    @property
    def _original_line(self):
        # The source line as it is in the file, indentation and all.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame.

    This will follow f.f_back from the given frame. If no frame is given, the
    current stack is used. Usually used with StackSummary.extract.
    """
    if f is None:
        # Called as StackSummary.extract(walk_stack(None)): skip this
        # generator, extract's two frames and its inner generator, to start at
        # the caller of extract.
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame.

    This will follow tb.tb_next (and thus is in the opposite order to
    walk_stack). Usually used with StackSummary.extract.
    """
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    # walk_tb with the whole source span of each entry's instruction:
    # (frame, (lineno, end_lineno, colno, end_colno)).
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            # No line in the position table: tb_lineno still has one.
            positions = (tb.tb_lineno,) + positions[1:]
        yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    # instruction_index is a byte offset (tb_lasti); co_positions() has one
    # entry per 2-byte code unit.
    if instruction_index < 0:
        return (None, None, None, None)
    positions = code.co_positions()
    return next(itertools.islice(positions, instruction_index // 2, None))


# How many times the same frame line is shown before the rest are counted
# ("[Previous line repeated N more times]"); the same as in traceback.rs.
_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
            capture_locals=False):
        """Create a StackSummary from a traceback or stack object.

        :param frame_gen: A generator that yields (frame, lineno) tuples
            whose summaries are to be included in the stack.
        :param limit: None to include all frames or the number of frames to
            include.
        :param lookup_lines: If True, lookup lines for each frame immediately,
            otherwise lookup is deferred until the frame is rendered.
        :param capture_locals: If True, the local variables from each frame will
            be captured as object representations into the FrameSummary.
        """
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
            lookup_lines=True, capture_locals=False):
        # extract() for a generator of (frame, (lineno, end_lineno, colno,
        # end_colno)); all but lineno may be None.
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                # The first (outermost, for a traceback) frames.
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                # A negative limit keeps the last -limit frames.
                frame_gen = collections.deque(frame_gen, maxlen=-limit)

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            code = f.f_code
            filename = code.co_filename
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            result.append(FrameSummary(
                filename, lineno, code.co_name, lookup_line=False,
                locals=f.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        # Lines are read only after the cache dropped what is out of date.
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for summary in result:
                summary.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """
        Create a StackSummary object from a supplied list of
        FrameSummary objects or old-style list of tuples.
        """
        # Each item is checked: a list may mix FrameSummary objects and
        # (filename, lineno, name, line) tuples.
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format the lines for a single FrameSummary.

        Returns a string representing one frame involved in the stack. This
        gets called for every frame to be printed in the stack summary.
        """
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))
            markers = _position_markers(frame_summary, stripped_line)
            if markers is not None:
                row.append(markers)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """Format the stack ready for printing.

        Returns a list of strings ready for printing.  Each string in the
        resulting list corresponds to a single frame from the stack.
        Each string ends in a newline; the strings may contain internal
        newlines as well, for those items with source text lines.

        For long sequences of the same frame and line, the first few
        repetitions are shown, followed by a summary line stating the exact
        number of further repetitions.
        """
        result = []
        last = None         # (filename, lineno, name) of the current run
        count = 0           # the length of that run
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            key = (frame_summary.filename, frame_summary.lineno,
                   frame_summary.name)
            if (last is None or None in last or last != key):
                _repeated_line(result, count)
                last = key
                count = 0
            count += 1
            if count <= _RECURSIVE_CUTOFF:
                result.append(formatted_frame)
        _repeated_line(result, count)
        return result


def _repeated_line(result, count):
    # The line that stands for the repeats beyond _RECURSIVE_CUTOFF.
    if count > _RECURSIVE_CUTOFF:
        count -= _RECURSIVE_CUTOFF
        result.append(
            f'  [Previous line repeated {count} more '
            f'time{"s" if count > 1 else ""}]\n'
        )


def _position_markers(frame_summary, stripped_line):
    """The marker line under a frame's source line ('    ~~~^^^~~~\\n'), or None
    when there are no columns or the failing span is the whole line.

    The span (colno to end_colno, UTF-8 byte offsets) is marked with '^'. When
    it is a binary operation or a subscript on one line, the operands are marked
    with '~' and the operator (or the brackets and what is inside) with '^'.
    """
    if frame_summary.colno is None or frame_summary.end_colno is None:
        return None
    line = frame_summary._original_line
    # The columns lost by stripping the indentation.
    stripped_characters = len(line) - len(frame_summary.line.lstrip())
    start_offset = _byte_offset_to_character_offset(line, frame_summary.colno)
    end_offset = _byte_offset_to_character_offset(line, frame_summary.end_colno)
    code_segment = line[start_offset:end_offset]

    anchors = None
    if frame_summary.lineno == frame_summary.end_lineno:
        with suppress(Exception):
            anchors = _extract_caret_anchors_from_line_segment(code_segment)
    else:
        # The span goes on to other lines: mark this one to its last
        # non-blank character.
        end_offset = len(line.rstrip())

    has_operator = anchors and anchors.right_start_offset - anchors.left_end_offset > 0
    if end_offset - start_offset >= len(stripped_line) and not has_operator:
        return None

    # Columns as a terminal shows them: wide characters take two.
    dp_start_offset = _display_width(line, start_offset) + 1
    dp_end_offset = _display_width(line, end_offset) + 1
    row = ['    ', ' ' * (dp_start_offset - stripped_characters)]
    if anchors:
        dp_left_end = _display_width(code_segment, anchors.left_end_offset)
        dp_right_start = _display_width(code_segment, anchors.right_start_offset)
        row.append(anchors.primary_char * dp_left_end)
        row.append(anchors.secondary_char * (dp_right_start - dp_left_end))
        row.append(anchors.primary_char *
                   (dp_end_offset - dp_start_offset - dp_right_start))
    else:
        row.append('^' * (dp_end_offset - dp_start_offset))
    row.append('\n')
    return ''.join(row)


def _byte_offset_to_character_offset(str, offset):
    # Position tables count UTF-8 bytes; the line is indexed by characters.
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


_Anchors = collections.namedtuple(
    "_Anchors",
    [
        "left_end_offset",
        "right_start_offset",
        "primary_char",
        "secondary_char",
    ],
    defaults=["~", "^"]
)


def _extract_caret_anchors_from_line_segment(segment):
    """Where the operator is in a failing binary operation or subscript.

    segment is the source of the failing expression. If it parses as a single
    expression statement that is a BinOp or a Subscript, the answer is an
    _Anchors whose two offsets bound the operator ("+", "**", or "[...]");
    otherwise None.
    """
    import _ast

    try:
        # What ast.parse does, without needing the ast module.
        tree = compile(segment, '<unknown>', 'exec', _ast.PyCF_ONLY_AST)
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    statement = tree.body[0]
    if not isinstance(statement, _ast.Expr):
        return None
    expr = statement.value

    def normalize(offset):
        return _byte_offset_to_character_offset(segment, offset)

    if isinstance(expr, _ast.BinOp):
        # The operator is the first non-blank text between the operands; it is
        # one character, or two ('**', '//', '<<', '>>', '@=' never occurs).
        operator_start = normalize(expr.left.end_col_offset)
        operator_end = normalize(expr.right.col_offset)
        operator_str = segment[operator_start:operator_end]
        operator_offset = len(operator_str) - len(operator_str.lstrip())

        left_anchor = expr.left.end_col_offset + operator_offset
        right_anchor = left_anchor + 1
        if (operator_offset + 1 < len(operator_str)
                and not operator_str[operator_offset + 1].isspace()):
            right_anchor += 1
        # Skip closing parentheses of the left operand and comments.
        while left_anchor < len(segment) and (
                (ch := segment[left_anchor]).isspace() or ch in ")#"):
            left_anchor += 1
            right_anchor += 1
        return _Anchors(normalize(left_anchor), normalize(right_anchor))

    if isinstance(expr, _ast.Subscript):
        # From the '[' after the value to the ']' after the slice, inclusive.
        left_anchor = normalize(expr.value.end_col_offset)
        right_anchor = normalize(expr.slice.end_col_offset + 1)
        while left_anchor < len(segment) and (
                (ch := segment[left_anchor]).isspace() or ch != "["):
            left_anchor += 1
        while right_anchor < len(segment) and (
                (ch := segment[right_anchor]).isspace() or ch != "]"):
            right_anchor += 1
        if right_anchor < len(segment):
            right_anchor += 1
        return _Anchors(left_anchor, right_anchor)

    return None


# East Asian Wide and Fullwidth characters take two columns on a terminal.
_WIDE_CHAR_SPECIFIERS = "WF"


def _display_width(line, offset):
    """Calculate the extra amount of width space the given source
    code segment might take if it were to be displayed on a fixed
    width output device. Supports wide unicode characters and emojis."""
    if line.isascii():
        return offset
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(char) in _WIDE_CHAR_SPECIFIERS else 1
               for char in line[:offset])


class _ExceptionPrintContext:
    # The state of formatting an exception group: how deep in nested groups
    # we are (each level indents by two and draws a '|' margin), the
    # exceptions already shown, and whether a closing line is owed.
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '

        if isinstance(text_gen, str):
            yield textwrap.indent(text_gen, indent_str, lambda line: True)
        else:
            for text in text_gen:
                yield textwrap.indent(text, indent_str, lambda line: True)


class TracebackException:
    """An exception ready for rendering.

    The traceback module captures enough attributes from the original exception
    to this intermediary form to ensure that no references are held, while
    still being able to fully print or format it.

    max_group_width and max_group_depth control the formatting of exception
    groups. The depth refers to the nesting level of the group, and the width
    refers to the size of a single exception group's exceptions array. The
    formatted output is truncated when either limit is exceeded.

    Use `from_exception` to create TracebackException instances from exception
    objects, or the constructor to create TracebackException instances from
    individual components.

    - :attr:`__cause__` A TracebackException of the original *__cause__*.
    - :attr:`__context__` A TracebackException of the original *__context__*.
    - :attr:`exceptions` For exception groups - a list of TracebackException
      instances for the nested *exceptions*.  ``None`` for other exceptions.
    - :attr:`__suppress_context__` The *__suppress_context__* value from the
      original exception.
    - :attr:`stack` A `StackSummary` representing the traceback.
    - :attr:`exc_type` The class of the original traceback.
    - :attr:`filename` For syntax errors - the filename where the error
      occurred.
    - :attr:`lineno` For syntax errors - the linenumber where the error
      occurred.
    - :attr:`end_lineno` For syntax errors - the end linenumber where the error
      occurred. Can be `None` if not present.
    - :attr:`text` For syntax errors - the text where the error
      occurred.
    - :attr:`offset` For syntax errors - the offset into the text where the
      error occurred.
    - :attr:`end_offset` For syntax errors - the end offset into the text where
      the error occurred. Can be `None` if not present.
    - :attr:`msg` For syntax errors - the compiler error message.
    """

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
            lookup_lines=True, capture_locals=False, compact=False,
            max_group_width=15, max_group_depth=10, _seen=None):
        # _seen holds the ids of the exceptions already captured, so that a
        # cycle of __cause__/__context__ ends. Only the outermost call (the
        # one without _seen) walks the chain.
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        # The text now, so that no reference to the exception is kept.
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        if is_recursive_call:
            return
        # Capture the chain breadth-first with a work list (a long chain must
        # not recurse).
        options = dict(limit=limit, lookup_lines=lookup_lines,
                       capture_locals=capture_locals,
                       max_group_width=max_group_width,
                       max_group_depth=max_group_depth, _seen=_seen)
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if (e and e.__cause__ is not None
                    and id(e.__cause__) not in _seen):
                cause = TracebackException(
                    type(e.__cause__), e.__cause__, e.__cause__.__traceback__,
                    **options)
            else:
                cause = None

            if compact:
                # What print_exception shows: a context only when there is no
                # cause and it is not suppressed.
                need_context = (cause is None and e is not None
                                and not e.__suppress_context__)
            else:
                need_context = True
            if (e and e.__context__ is not None
                    and need_context and id(e.__context__) not in _seen):
                context = TracebackException(
                    type(e.__context__), e.__context__,
                    e.__context__.__traceback__, **options)
            else:
                context = None

            if e and isinstance(e, BaseExceptionGroup):
                exceptions = [
                    TracebackException(type(exc), exc, exc.__traceback__,
                                       **options)
                    for exc in e.exceptions]
            else:
                exceptions = None

            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))
            if exceptions:
                queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        """Private API. force all lines in the stack to be loaded."""
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Format the exception part of the traceback.

        The return value is a generator of strings, each ending in a newline.

        Generator yields the exception message.
        For :exc:`SyntaxError` exceptions, it
        also yields (before the exception message)
        several lines that (when printed)
        display detailed information about where the syntax error occurred.
        Following the message, generator also yields
        all the exception's ``__notes__``.
        """
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return

        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype

        if issubclass(self.exc_type, SyntaxError):
            yield from self._format_syntax_error(stype)
        else:
            yield _format_final_exc_line(stype, self._str)
        if isinstance(self.__notes__, collections.abc.Sequence):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        """Format SyntaxError exceptions (internal helper)."""
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(
                self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)

        text = self.text
        if text is not None:
            # The line without its newline and indentation; offsets are
            # 1-based columns of the unstripped line.
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)

            if self.offset is not None:
                offset = self.offset
                end_offset = (self.end_offset
                              if self.end_offset not in {None, 0} else offset)
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1

                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    # Tabs before the caret are kept, so that it lines up.
                    caretspace = ''.join(c if c.isspace() else ' '
                                         for c in ltext[:colno])
                    yield '    {}{}'.format(caretspace,
                                            '^' * (end_colno - colno) + "\n")
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Format the exception.

        If chain is not *True*, *__cause__* and *__context__* will not be formatted.

        The return value is a generator of strings, each ending in a newline and
        some containing internal newlines. `print_exception` is a wrapper around
        this method which just prints the lines to a file.

        The message indicating which exception occurred is always the last
        string in the output.
        """
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        # The chain from this exception back to the first one, each with the
        # sentence that leads from it to the next; printed oldest first.
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif (exc.__context__ is not None and
                      not exc.__suppress_context__):
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))

        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from self._format_group(exc, chain, _ctx)

    def _format_group(self, exc, chain, _ctx):
        # The exception group exc (self or one of its chain): its own traceback
        # and message, then each nested exception in a numbered box, at most
        # self.max_group_width of them.
        is_toplevel = (_ctx.exception_group_depth == 0)
        if is_toplevel:
            _ctx.exception_group_depth += 1

        if exc.stack:
            yield from _ctx.emit(
                'Exception Group Traceback (most recent call last):\n',
                margin_char='+' if is_toplevel else None)
            yield from _ctx.emit(exc.stack.format())

        yield from _ctx.emit(exc.format_exception_only())
        num_excs = len(exc.exceptions)
        if num_excs <= self.max_group_width:
            n = num_excs
        else:
            n = self.max_group_width + 1
        _ctx.need_close = False
        for i in range(n):
            last_exc = (i == n - 1)
            if last_exc:
                # A nested group printed last may draw the closing line
                # itself (and clear need_close).
                _ctx.need_close = True

            if self.max_group_width is not None:
                truncated = (i >= self.max_group_width)
            else:
                truncated = False
            title = f'{i + 1}' if not truncated else '...'
            yield (_ctx.indent() +
                   ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = num_excs - self.max_group_width
                plural = 's' if remaining > 1 else ''
                yield from _ctx.emit(
                    f"and {remaining} more exception{plural}\n")

            if last_exc and _ctx.need_close:
                yield (_ctx.indent() +
                       "+------------------------------------\n")
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1

        if is_toplevel:
            assert _ctx.exception_group_depth == 1
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
