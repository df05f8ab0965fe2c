r"""Validate and pretty-print JSON from the command line: ``pyrs -m json.tool``.

Written for pyrs after the behaviour of CPython 3.11's Lib/json/tool.py: the same
options, the same output, a decoding error reported as the exit message (status 1),
and a closed pipe on the output ending the program with that error's errno.

    $ echo '{"json":"obj"}' | pyrs -m json.tool
    {
        "json": "obj"
    }
"""
import argparse
import json
import sys
from pathlib import Path


def _build_parser():
    parser = argparse.ArgumentParser(
        prog='python -m json.tool',
        description='A simple command line interface for json module '
                    'to validate and pretty-print JSON objects.')
    parser.add_argument(
        'infile', nargs='?', default=sys.stdin,
        type=argparse.FileType(encoding="utf-8"),
        help='a JSON file to be validated or pretty-printed')
    parser.add_argument(
        'outfile', nargs='?', default=None, type=Path,
        help='write the output of infile to outfile')
    parser.add_argument(
        '--sort-keys', action='store_true', default=False,
        help='sort the output of dictionaries alphabetically by key')
    parser.add_argument(
        '--no-ensure-ascii', dest='ensure_ascii', action='store_false',
        help='disable escaping of non-ASCII characters')
    parser.add_argument(
        '--json-lines', action='store_true', default=False,
        help='parse input using the JSON Lines format. Use with --no-indent or '
             '--compact to produce valid JSON Lines output.')
    # Only one way of laying the output out may be chosen.
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        '--indent', default=4, type=int,
        help='separate items with newlines and use this number of spaces for '
             'indentation')
    layout.add_argument(
        '--tab', action='store_const', dest='indent', const='\t',
        help='separate items with newlines and use tabs for indentation')
    layout.add_argument(
        '--no-indent', action='store_const', dest='indent', const=None,
        help='separate items with spaces rather than newlines')
    layout.add_argument(
        '--compact', action='store_true',
        help='suppress all whitespace separation (most compact)')
    return parser


def main():
    options = _build_parser().parse_args()
    dump_options = dict(sort_keys=options.sort_keys, indent=options.indent,
                        ensure_ascii=options.ensure_ascii)
    if options.compact:
        dump_options.update(indent=None, separators=(',', ':'))

    with options.infile as source:
        try:
            # The documents are decoded lazily, so that with --json-lines each one
            # is written before the next line is read (and the output file is
            # only created once the input has been opened).
            if options.json_lines:
                documents = (json.loads(line) for line in source)
            else:
                documents = iter((json.load(source),))
            if options.outfile is None:
                target = sys.stdout
            else:
                target = options.outfile.open('w', encoding='utf-8')
            with target:
                for document in documents:
                    json.dump(document, target, **dump_options)
                    target.write('\n')
        except ValueError as exc:
            raise SystemExit(exc)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
