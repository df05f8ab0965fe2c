//! Mirrors CPython's Modules/ directory: the native modules, their registration table
//! (`config.rs`), and the interpreter's command line (`main.rs`).

// A module named `main` is fine here: it mirrors Modules/main.c, and the binary is `python.rs`.
#![allow(special_module_name)]

pub mod _abc;
pub mod _bisect;
pub mod _blake2;
pub mod _codecsmodule;
pub mod _collectionsmodule;
pub mod _csv;
pub mod _functoolsmodule;
pub mod _heapq;
pub mod _io;
pub mod _json;
pub mod _localemodule;
pub mod _opcode;
pub mod _operator;
pub mod _posixsubprocess;
pub mod _randommodule;
pub mod _sha3;
pub mod _sre;
pub mod _stat;
pub mod _string;
pub mod _struct;
pub mod _testinternalcapi;
pub mod _threadmodule;
pub mod _typingmodule;
pub mod _weakref;
pub mod arraymodule;
pub mod atexitmodule;
pub mod binascii;
pub mod cmathmodule;
pub mod config;
pub mod errnomodule;
pub mod faulthandler;
pub mod gcmodule;
pub mod getpath;
pub mod hashlib;
pub mod itertoolsmodule;
pub mod main;
pub mod mathmodule;
pub mod md5module;
pub mod posixmodule;
pub mod selectmodule;
pub mod sha1module;
pub mod sha256module;
pub mod sha512module;
pub mod signalmodule;
pub mod socketmodule;
pub mod timemodule;
pub mod unicodedata;
pub mod zlibmodule;
