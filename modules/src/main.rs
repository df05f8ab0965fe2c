//! The interpreter's command line. Mirrors Modules/main.c and the option parsing of
//! Python/initconfig.c (CPython 3.11): `pyrs [options] [-c cmd | -m mod | file | -]
//! [args]`, the interactive loop, and the exit status.
//!
//! Differences from CPython: the interpreter runs on a thread with a large stack (the
//! memory is only reserved), so deep recursion inside native code stays far from the
//! stack's end; the native stack guard in the thread state is set from that size.

use std::io::{BufRead, IsTerminal, Write};

use objects::prelude::*;
use python::sysmodule::{SysConfig, PYRS_VERSION, PY_VERSION};

/// The interpreter thread's stack size: 1 GiB reserved, touched only as used.
const STACK_SIZE: usize = 1 << 30;
/// Room kept below the native stack guard for raising and unwinding.
const STACK_MARGIN: usize = 4 << 20;

const USAGE: &str = "usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "usage: pyrs [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
--check-hash-based-pycs always|default|never:
         control how Python invalidates hash-based .pyc files
-E     : ignore PYTHON* environment variables (such as PYRSPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-I     : isolate pyrs from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose (trace import statements)
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-x     : skip first line of source
-X opt : set implementation-specific option; pyrs has -X trace (print each
         bytecode instruction as it runs) and -X hostlib=DIR (the CPython 3.11
         Lib/ directory searched after pyrs's own library; none for no such
         directory; by default the host python3's); -X pycache_prefix=PATH
         writes .pyc files to a parallel tree rooted at PATH instead of
         __pycache__ directories (also PYTHONPYCACHEPREFIX)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYRSPATH : ':'-separated list of directories prefixed to the
           default module search path.  The result is sys.path.
";

/// What to run.
enum Command {
    File(String),
    Code(String),
    Module(String),
    Stdin,
}

struct Options {
    command: Command,
    cfg: SysConfig,
    skip_first_line: bool,
    /// `--check-hash-based-pycs` (`config->check_hash_pycs_mode`).
    check_hash_based_pycs: &'static str,
}

/// Parse the command line (`_PyPreCmdline_Read` / `config_parse_cmdline`). `Err`
/// carries the exit status after printing usage or version.
fn parse_args(args: &[String]) -> Result<Options, i32> {
    let mut cfg = SysConfig {
        orig_argv: args.to_vec(),
        ..SysConfig::default()
    };
    let mut command = None;
    let mut skip_first_line = false;
    let mut check_hash_based_pycs = "default";
    let mut cmdline_warnoptions: Vec<String> = Vec::new();
    let mut bytes_warning = 0;
    let mut i = 1;
    let mut rest: Vec<String> = Vec::new();
    while i < args.len() {
        let a = &args[i];
        if a == "--version" {
            println!("Python {PY_VERSION}");
            return Err(0);
        }
        if a == "--help" {
            print!("{HELP}");
            return Err(0);
        }
        if a == "--check-hash-based-pycs" {
            check_hash_based_pycs = match args.get(i + 1).map(String::as_str) {
                Some("default") => "default",
                Some("always") => "always",
                Some("never") => "never",
                _ => {
                    eprintln!(
                        "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
                    );
                    eprintln!("{USAGE}");
                    eprintln!("Try `pyrs -h' for more information.");
                    return Err(2);
                }
            };
            i += 2;
            continue;
        }
        if !a.starts_with('-') || a == "-" {
            command = Some(if a == "-" {
                Command::Stdin
            } else {
                Command::File(a.clone())
            });
            rest = args[i + 1..].to_vec();
            if a == "-" {
                rest.insert(0, "-".into());
            } else {
                rest.insert(0, a.clone());
            }
            break;
        }
        if a == "--" {
            i += 1;
            continue;
        }
        // A cluster of one-letter options, some taking an argument.
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < chars.len() {
            let c = chars[j];
            let take_arg = |j: usize| -> Result<(String, bool), i32> {
                let inline: String = chars[j + 1..].iter().collect();
                if !inline.is_empty() {
                    return Ok((inline, false));
                }
                match args.get(i + 1) {
                    Some(v) => Ok((v.clone(), true)),
                    None => {
                        eprintln!("Argument expected for the -{c} option");
                        eprintln!("{USAGE}");
                        eprintln!("Try `pyrs -h' for more information.");
                        Err(2)
                    }
                }
            };
            match c {
                'c' => {
                    let (code, next) = take_arg(j)?;
                    command = Some(Command::Code(code));
                    let start = if next { i + 2 } else { i + 1 };
                    rest = vec!["-c".to_string()];
                    rest.extend_from_slice(&args[start.min(args.len())..]);
                    break;
                }
                'm' => {
                    let (module, next) = take_arg(j)?;
                    command = Some(Command::Module(module));
                    let start = if next { i + 2 } else { i + 1 };
                    rest = vec!["-m".to_string()];
                    rest.extend_from_slice(&args[start.min(args.len())..]);
                    break;
                }
                'W' | 'X' => {
                    let (v, next) = take_arg(j)?;
                    if c == 'W' {
                        cmdline_warnoptions.push(v);
                    } else {
                        let (k, val) = match v.split_once('=') {
                            Some((k, val)) => (k.to_string(), Some(val.to_string())),
                            None => (v.clone(), None),
                        };
                        cfg.xoptions.push((k, val));
                    }
                    consumed_next = next;
                    j = chars.len();
                    continue;
                }
                'V' => {
                    println!("Python {PY_VERSION}");
                    return Err(0);
                }
                'h' | '?' => {
                    print!("{HELP}");
                    return Err(0);
                }
                'i' => {
                    cfg.inspect = true;
                    cfg.interactive = true;
                }
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                    cfg.safe_path = true;
                    cfg.no_user_site = true;
                }
                'E' => cfg.ignore_environment = true,
                'P' => cfg.safe_path = true,
                'O' => cfg.optimize += 1,
                'q' => cfg.quiet = true,
                'v' => cfg.verbose += 1,
                'S' => cfg.no_site = true,
                'x' => skip_first_line = true,
                'b' => bytes_warning += 1,
                'B' => cfg.dont_write_bytecode = true,
                's' => cfg.no_user_site = true,
                'u' => cfg.unbuffered = true,
                'd' | 'R' => {}
                _ => {
                    eprintln!("Unknown option: -{c}");
                    eprintln!("{USAGE}");
                    eprintln!("Try `pyrs -h' for more information.");
                    return Err(2);
                }
            }
            j += 1;
        }
        if matches!(command, Some(Command::Code(_)) | Some(Command::Module(_))) {
            break;
        }
        i += if consumed_next { 2 } else { 1 };
    }
    let command = command.unwrap_or(Command::Stdin);
    // `config->dev_mode`: -X dev, or a non-empty PYTHONDEVMODE.
    cfg.dev_mode = cfg.xoptions.iter().any(|(k, _)| k == "dev")
        || (!cfg.ignore_environment
            && std::env::var_os("PYTHONDEVMODE").is_some_and(|v| !v.is_empty()));
    cfg.warnoptions = config_init_warnoptions(&cfg, &cmdline_warnoptions, bytes_warning);
    let env = |k: &str| {
        if cfg.ignore_environment {
            None
        } else {
            std::env::var(k).ok().filter(|v| !v.is_empty())
        }
    };
    if env("PYTHONDONTWRITEBYTECODE").is_some() {
        cfg.dont_write_bytecode = true;
    }
    if env("PYTHONNOUSERSITE").is_some() {
        cfg.no_user_site = true;
    }
    if env("PYTHONUNBUFFERED").is_some() {
        cfg.unbuffered = true;
    }
    cfg.bytes_warning = bytes_warning as i64;
    cfg.skip_source_first_line = skip_first_line;
    cfg.check_hash_pycs_mode = check_hash_based_pycs.to_string();
    match &command {
        Command::Code(c) => cfg.run_command = Some(format!("{c}\n")),
        Command::Module(m) => cfg.run_module = Some(m.clone()),
        Command::File(f) => cfg.run_filename = Some(f.clone()),
        Command::Stdin => {}
    }
    cfg.pycache_prefix = config_init_pycache_prefix(&cfg.xoptions, env("PYTHONPYCACHEPREFIX"));
    objects::bytesobject::Py_BytesWarningFlag
        .store(bytes_warning as i32, std::sync::atomic::Ordering::Relaxed);
    if rest.is_empty() {
        rest.push(String::new());
    }
    cfg.argv = rest;
    Ok(Options {
        command,
        cfg,
        skip_first_line,
        check_hash_based_pycs,
    })
}

/// `sys.pycache_prefix` (`config_init_pycache_prefix`): the first `-X pycache_prefix=`
/// wins over `PYTHONPYCACHEPREFIX`, and one with no path (`-X pycache_prefix` or
/// `-X pycache_prefix=`) cancels the variable.
fn config_init_pycache_prefix(
    xoptions: &[(String, Option<String>)],
    env: Option<String>,
) -> Option<String> {
    match xoptions.iter().find(|(k, _)| k == "pycache_prefix") {
        Some((_, v)) => v.clone().filter(|v| !v.is_empty()),
        None => env,
    }
}

/// `sys.warnoptions` (`config_init_warnoptions`), lowest precedence first since
/// the `warnings` module puts each later filter in front: "default" for `-X dev`
/// (or `PYTHONDEVMODE`), then `PYTHONWARNINGS` (comma-separated), then the `-W`
/// options, then the BytesWarning filter of `-b`/`-bb`. A repeated option is kept
/// once.
fn config_init_warnoptions(cfg: &SysConfig, cmdline: &[String], bytes_warning: u32) -> Vec<String> {
    let mut options: Vec<String> = Vec::new();
    let mut append = |o: &str| {
        if !options.iter().any(|x| x == o) {
            options.push(o.to_string());
        }
    };
    let env = |k: &str| {
        if cfg.ignore_environment {
            None
        } else {
            std::env::var(k).ok().filter(|v| !v.is_empty())
        }
    };
    if cfg.dev_mode {
        append("default");
    }
    if let Some(w) = env("PYTHONWARNINGS") {
        for item in w.split(',').filter(|s| !s.is_empty()) {
            append(item);
        }
    }
    for o in cmdline {
        append(o);
    }
    match bytes_warning {
        0 => {}
        1 => append("default::BytesWarning"),
        _ => append("error::BytesWarning"),
    }
    options
}

/// The first entry of `sys.path` (`path0`): the script's directory, the current
/// directory for -m, '' for -c and the REPL; none with -P. It is put in front of
/// `sys.path` after start-up (`pymain_run_python`), so `site` never sees it.
fn compute_path0(command: &Command, cfg: &SysConfig) -> Option<String> {
    let mut path = Vec::new();
    if !cfg.safe_path {
        match command {
            Command::File(f) => {
                let p = std::path::Path::new(f);
                let dir = std::fs::canonicalize(p)
                    .ok()
                    .and_then(|abs| abs.parent().map(|d| d.to_string_lossy().into_owned()))
                    .unwrap_or_default();
                path.push(dir);
            }
            Command::Module(_) => {
                path.push(
                    std::env::current_dir()
                        .map(|d| d.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
            _ => path.push(String::new()),
        }
    }
    path.pop()
}

/// `sys.path` at start-up: `PYRSPATH`, then pyrs's own library, then the host
/// CPython's `Lib/` (see getpath.rs).
fn compute_path(cfg: &SysConfig) -> Vec<String> {
    let mut path = Vec::new();
    let mut pyrspath = Vec::new();
    if !cfg.ignore_environment {
        if let Ok(extra) = std::env::var("PYRSPATH") {
            pyrspath.extend(extra.split(':').filter(|s| !s.is_empty()).map(String::from));
        }
    }
    path.extend(pyrspath.iter().cloned());
    path.push(python::frozen::LIB_DIR.to_string());
    let hostlib = cfg
        .xoptions
        .iter()
        .rev()
        .find(|(k, _)| k == "hostlib")
        .map(|(_, v)| v.clone().unwrap_or_default());
    if let Some(dir) = crate::getpath::host_stdlib(hostlib.as_deref(), &pyrspath) {
        path.push(dir);
    }
    path
}

/// `pymain_sys_path_add_path0`: put the script's directory in front of `sys.path`.
fn insert_path0(path0: &str) -> objects::prelude::PyResult<()> {
    let path = python::sysmodule::PySys_GetObject("path")
        .ok_or_else(|| objects::pyerrors::runtime_error("lost sys.path"))?;
    let entry = objects::unicodeobject::PyUnicode_FromString(path0);
    objects::call::PyObject_CallMethod(
        &path,
        objects::intern!("insert"),
        &[objects::longobject::PyLong_FromLong(0), entry],
    )?;
    Ok(())
}

/// Report an uncaught exception and compute the exit status.
fn report(err: PyErr) -> i32 {
    let is_interrupt = objects::pyerrors::PyErr_ExceptionMatches(
        &err,
        &objects::exceptions::PyExc_KeyboardInterrupt,
    );
    let status = python::pythonrun::PyErr_Print(err);
    if is_interrupt {
        return -2;
    }
    status
}

/// The interactive loop (`PyRun_InteractiveLoop`): read statements, run them in
/// `__main__`, print expression values.
fn interactive_loop(cfg: &SysConfig) -> i32 {
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    if tty && !cfg.quiet {
        eprintln!("pyrs {PYRS_VERSION} (Python {PY_VERSION}) on linux");
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let mut buffer = String::new();
    let mut lines = stdin.lock().lines();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let _ = python::sysmodule::flush_std_files();
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        let Some(line) = lines.next() else {
            if tty {
                eprintln!();
            }
            return 0;
        };
        let Ok(line) = line else { return 0 };
        if python::signals::check_signals().is_err() {
            eprintln!("\nKeyboardInterrupt");
            buffer.clear();
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        let needs_more =
            match python::compile::compile(&buffer, "<stdin>", python::compile::Mode::Single, -1) {
                Ok(_) => {
                    line.starts_with([' ', '\t'])
                        || buffer.lines().count() > 1 && !line.trim().is_empty()
                }
                Err(e) => is_incomplete(&e, &buffer) && !line.trim().is_empty(),
            };
        if needs_more {
            continue;
        }
        let source = std::mem::take(&mut buffer);
        let result = python::pythonrun::main_dict().and_then(|d| {
            let code = python::pythonrun::compile_source(
                &source,
                "<stdin>",
                python::compile::Mode::Single,
                -1,
            )?;
            python::ceval::PyEval_EvalCode(code, d.as_object(), d.as_object())
        });
        if let Err(e) = result {
            if objects::pyerrors::PyErr_ExceptionMatches(&e, &objects::exceptions::PyExc_SystemExit)
            {
                return python::pythonrun::PyErr_Print(e);
            }
            python::pythonrun::PyErr_Print(e);
        }
    }
}

/// Whether a compile error only means the statement is not finished yet.
fn is_incomplete(e: &python::compile::CompileError, source: &str) -> bool {
    let last_line = source.lines().count() as i32;
    e.msg.contains("unexpected EOF")
        || e.msg.contains("was never closed")
        || e.msg.starts_with("expected an indented block")
        || e.msg.contains("unterminated triple-quoted string")
        || (e.lineno > last_line)
}

fn run(opts: Options) -> i32 {
    let mut cfg = opts.cfg;
    cfg.path = compute_path(&cfg);
    let path0 = compute_path0(&opts.command, &cfg);
    cfg.executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let interactive_stdin =
        matches!(opts.command, Command::Stdin) && std::io::stdin().is_terminal();
    if interactive_stdin {
        cfg.interactive = true;
    }
    // `config->faulthandler`: -X faulthandler, a non-empty PYTHONFAULTHANDLER or
    // development mode (`_PyFaulthandler_Init` in init_interp_main).
    cfg.faulthandler = cfg.dev_mode
        || cfg.xoptions.iter().any(|(k, _)| k == "faulthandler")
        || (!cfg.ignore_environment
            && std::env::var_os("PYTHONFAULTHANDLER").is_some_and(|v| !v.is_empty()));
    crate::config::register_builtin_modules();
    if cfg.xoptions.iter().any(|(k, _)| k == "trace")
        || (!cfg.ignore_environment
            && std::env::var("PYRS_TRACE").is_ok_and(|v| !v.is_empty() && v != "0"))
    {
        python::ceval::TRACE.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let ts = include::pystate::_PyThreadState_GET();
    ts.set_native_stack(STACK_SIZE, STACK_MARGIN);
    python::import::set_check_hash_based_pycs_mode(opts.check_hash_based_pycs);
    if let Err(e) = python::pylifecycle::Py_InitializeFromConfig(&cfg) {
        eprintln!("Fatal Python error: init failed: {e:?}");
        return 1;
    }
    // The codec registry is ready: development mode's checks of encoding and
    // error handler names (`unicode_check_encoding_errors`) can run.
    objects::codecs::set_codec_lookup(|e| crate::_codecsmodule::_PyCodec_Lookup(e).map(drop));
    objects::codecs::DEV_MODE.store(cfg.dev_mode, std::sync::atomic::Ordering::Relaxed);
    if let Err(e) = crate::faulthandler::_PyFaulthandler_Init(cfg.faulthandler) {
        return report(e);
    }
    if let Some(p0) = path0 {
        if let Err(e) = insert_path0(&p0) {
            return report(e);
        }
    }
    let result = match &opts.command {
        Command::File(f) => {
            if opts.skip_first_line {
                match std::fs::read(f) {
                    Ok(bytes) => {
                        let src = python::import::decode_source(&bytes);
                        let rest = src
                            .split_once('\n')
                            .map(|(_, r)| format!("\n{r}"))
                            .unwrap_or_default();
                        let abs = std::fs::canonicalize(f)
                            .map(|p| p.to_string_lossy().into_owned())
                            .unwrap_or(f.clone());
                        python::pythonrun::run_main_source(&rest, &abs, true)
                    }
                    Err(e) => Err(objects::pyerrors::os_error_from_io(&e)),
                }
            } else if std::path::Path::new(f).is_dir() {
                Err(objects::pyerrors::PyErr_SetString(
                    &objects::exceptions::PyExc_RuntimeError,
                    format!("can't find '__main__' module in '{f}'"),
                ))
            } else {
                match std::fs::metadata(f) {
                    Err(e) => {
                        let n = e.raw_os_error().unwrap_or(2);
                        let exe = std::env::args().next().unwrap_or_else(|| "pyrs".into());
                        eprintln!(
                            "{}: can't open file '{}': [Errno {}] {}",
                            exe,
                            std::fs::canonicalize(".")
                                .map(|d| d.join(f).to_string_lossy().into_owned())
                                .unwrap_or(f.clone()),
                            n,
                            objects::pyerrors::strerror(n)
                        );
                        return 2;
                    }
                    Ok(_) => python::pythonrun::run_file(f),
                }
            }
        }
        Command::Code(c) => python::pythonrun::run_command(c),
        Command::Module(m) => python::pythonrun::run_module(m),
        Command::Stdin => {
            if interactive_stdin {
                let status = interactive_loop(&cfg);
                let fin = python::pylifecycle::Py_FinalizeEx();
                return if status != 0 { status } else { fin };
            }
            let mut src = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut src);
            let result = python::pythonrun::run_main_source(&src, "<stdin>", true);
            python::pythonrun::flush_io();
            result
        }
    };
    let mut status = match result {
        Ok(_) => 0,
        Err(e) => report(e),
    };
    if matches!(opts.command, Command::File(_) | Command::Stdin) {
        python::pythonrun::forget_main_file();
    }
    if cfg.inspect && status != -2 {
        status = interactive_loop(&cfg);
    }
    let fin = python::pylifecycle::Py_FinalizeEx();
    if status == -2 {
        // Ended by Ctrl-C: die by SIGINT so the parent sees it (CPython's
        // `_Py_HandleSigint` exit), after flushing.
        // SAFETY: restoring the default handler and signalling ourselves.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::kill(libc::getpid(), libc::SIGINT);
        }
        return 130;
    }
    if status == 0 {
        fin
    } else {
        status
    }
}

/// Mirrors `Py_BytesMain`: parse the command line, run, return the exit status.
pub fn py_main() -> i32 {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let opts = match parse_args(&args) {
        Ok(o) => o,
        Err(status) => return status,
    };
    // Rust's runtime catches SIGSEGV and SIGBUS to report native stack overflows,
    // and ignores such a signal when it was sent (`kill`, `raise`) rather than
    // caused. CPython has no handler: the default action ends the process
    // (faulthandler chains to it). pyrs guards its recursion, so the overflow
    // report is not needed.
    // SAFETY: setting the process-wide disposition to SIG_DFL before any other
    // thread runs; no handler code of ours is involved.
    unsafe {
        libc::signal(libc::SIGSEGV, libc::SIG_DFL);
        libc::signal(libc::SIGBUS, libc::SIG_DFL);
    }
    let worker = std::thread::Builder::new()
        .name("pyrs".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(opts));
    match worker {
        Ok(handle) => {
            // Signals sent to the process must reach the interpreter thread, which is
            // CPython's main thread: this thread only waits, so it blocks them all.
            // SAFETY: a filled set, applied to this thread's own mask.
            unsafe {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigfillset(&mut set);
                libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
            }
            match handle.join() {
                Ok(status) => status,
                Err(_) => {
                    eprintln!("pyrs: internal error (the interpreter thread panicked)");
                    70
                }
            }
        }
        Err(e) => {
            eprintln!("pyrs: cannot start the interpreter thread: {e}");
            1
        }
    }
}
