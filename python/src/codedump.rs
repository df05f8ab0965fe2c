//! A stable text dump of a `CodeUnit` tree, byte-for-byte the format that
//! tests/compile/codedump.py prints for python3's code objects. No CPython twin: this
//! is the instrument of the compile-parity test (tests/compile_parity.rs).

use crate::code_unit::{CodeUnit, Constant};
use include::opcode::{opname, Opcode, HAVE_ARGUMENT};

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x80 => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
        }
    }
    out.push('"');
    out
}

/// JSON of a str given as code points: surrogates are written as they are, as
/// Python's json does.
fn json_code_points(cps: &[u32]) -> String {
    let mut out = String::from("\"");
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => {
                let s = json_str(&c.to_string());
                out.push_str(&s[1..s.len() - 1]);
            }
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out.push('"');
    out
}

fn json_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| json_str(s)).collect();
    format!("[{}]", parts.join(", "))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn fbits(f: f64) -> String {
    format!("0x{:016x}", f.to_bits())
}

pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => format!("int {i}"),
        Constant::Float(f) => format!("float {}", fbits(*f)),
        Constant::Complex { real, imag } => format!("complex {} {}", fbits(*real), fbits(*imag)),
        Constant::Str(s) => format!("str {}", json_str(s)),
        Constant::SurrogateStr(cps) => format!("str {}", json_code_points(cps)),
        Constant::Bytes(b) => format!("bytes {}", hex(b)),
        Constant::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(const_repr).collect();
            format!("tuple({})", parts.join(", "))
        }
        Constant::FrozenSet(t) => {
            let mut parts: Vec<String> = Vec::new();
            for x in t {
                if !t
                    .iter()
                    .take_while(|y| !std::ptr::eq(*y, x))
                    .any(|y| y.same_key(x))
                {
                    parts.push(const_repr(x));
                }
            }
            parts.sort();
            format!("frozenset({})", parts.join(", "))
        }
        Constant::Code(co) => format!("code {}", co.co_qualname),
    }
}

fn read_varint(table: &[u8], pos: &mut usize) -> i64 {
    let mut b = table[*pos] as i64;
    *pos += 1;
    let mut val = b & 63;
    let mut shift = 0;
    while b & 64 != 0 {
        b = table[*pos] as i64;
        *pos += 1;
        shift += 6;
        val |= (b & 63) << shift;
    }
    val
}

fn read_svarint(table: &[u8], pos: &mut usize) -> i64 {
    let uval = read_varint(table, pos);
    if uval & 1 != 0 {
        -(uval >> 1)
    } else {
        uval >> 1
    }
}

type Pos = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// Decodes the location table like `code.co_positions()`.
pub fn positions(co: &CodeUnit) -> Vec<Pos> {
    let t = &co.co_linetable;
    let mut out = Vec::new();
    let mut line = co.co_firstlineno as i64;
    let mut pos = 0;
    let opt = |v: i64| if v < 0 { None } else { Some(v) };
    while pos < t.len() {
        let first = t[pos];
        pos += 1;
        let code = (first >> 3) & 15;
        let length = (first & 7) as usize + 1;
        let p: Pos = match code {
            15 => (None, None, None, None),
            14 => {
                line += read_svarint(t, &mut pos);
                let end_line = line + read_varint(t, &mut pos);
                let col = read_varint(t, &mut pos) - 1;
                let end_col = read_varint(t, &mut pos) - 1;
                (Some(line), Some(end_line), opt(col), opt(end_col))
            }
            13 => {
                line += read_svarint(t, &mut pos);
                (Some(line), Some(line), None, None)
            }
            10..=12 => {
                line += (code - 10) as i64;
                let col = t[pos] as i64;
                let end_col = t[pos + 1] as i64;
                pos += 2;
                (Some(line), Some(line), Some(col), Some(end_col))
            }
            _ => {
                let second = t[pos] as i64;
                pos += 1;
                let col = (code as i64) * 8 + (second >> 4);
                (Some(line), Some(line), Some(col), Some(col + (second & 15)))
            }
        };
        for _ in 0..length {
            out.push(p);
        }
    }
    out
}

fn fmt_pos(p: &Pos) -> String {
    let f = |v: Option<i64>| v.map_or("-".to_string(), |v| v.to_string());
    format!("({},{},{},{})", f(p.0), f(p.1), f(p.2), f(p.3))
}

fn parse_exc_varint(t: &[u8], pos: &mut usize) -> Option<i64> {
    let mut b = *t.get(*pos)? as i64;
    *pos += 1;
    let mut val = b & 63;
    while b & 64 != 0 {
        val <<= 6;
        b = *t.get(*pos)? as i64;
        *pos += 1;
        val |= b & 63;
    }
    Some(val)
}

fn dump_one(co: &CodeUnit, out: &mut Vec<String>) {
    out.push(format!("code {}", co.co_qualname));
    out.push(format!(
        "  argcount {} posonlyargcount {} kwonlyargcount {}",
        co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount
    ));
    out.push(format!("  stacksize {}", co.co_stacksize));
    out.push(format!("  flags 0x{:08x}", co.co_flags));
    out.push(format!("  firstlineno {}", co.co_firstlineno));
    out.push(format!("  filename {}", json_str(&co.co_filename)));
    out.push(format!("  name {}", json_str(&co.co_name)));
    out.push(format!("  qualname {}", json_str(&co.co_qualname)));
    out.push(format!("  names {}", json_list(&co.co_names)));
    out.push(format!(
        "  localsplusnames {}",
        json_list(&co.co_localsplusnames)
    ));
    out.push(format!("  localspluskinds {}", hex(&co.co_localspluskinds)));
    out.push("  consts:".into());
    for (i, c) in co.co_consts.iter().enumerate() {
        out.push(format!("    {i}: {}", const_repr(c)));
    }
    out.push(format!("  code {}", hex(&co.co_code)));
    out.push(format!("  linetable {}", hex(&co.co_linetable)));
    out.push(format!("  exceptiontable {}", hex(&co.co_exceptiontable)));
    out.push("  instructions:".into());
    let pos = positions(co);
    let mut ext: u32 = 0;
    for (k, unit) in co.co_code.chunks(2).enumerate() {
        let (op, arg) = (unit[0], unit.get(1).copied().unwrap_or(0));
        let full = (ext << 8) | arg as u32;
        ext = if op == Opcode::EXTENDED_ARG as u8 {
            full
        } else {
            0
        };
        let shown = if op >= HAVE_ARGUMENT {
            full.to_string()
        } else {
            String::new()
        };
        let p = pos.get(k).copied().unwrap_or((None, None, None, None));
        out.push(format!(
            "    {:4} {:<26} {:<6} {}",
            k * 2,
            opname(op),
            shown,
            fmt_pos(&p)
        ));
    }
    out.push("  exception entries:".into());
    let t = &co.co_exceptiontable;
    let mut p = 0;
    while p < t.len() {
        let (Some(start), Some(length), Some(target), Some(dl)) = (
            parse_exc_varint(t, &mut p),
            parse_exc_varint(t, &mut p),
            parse_exc_varint(t, &mut p),
            parse_exc_varint(t, &mut p),
        ) else {
            break;
        };
        let (start, length, target) = (start * 2, length * 2, target * 2);
        out.push(format!(
            "    {} to {} -> {} [{}]{}",
            start,
            start + length,
            target,
            dl >> 1,
            if dl & 1 != 0 { " lasti" } else { "" }
        ));
    }
    for c in &co.co_consts {
        if let Constant::Code(inner) = c {
            dump_one(inner, out);
        }
    }
}

/// The dump of a code object and, depth-first in `co_consts` order, of the code
/// objects among its constants.
pub fn dump(co: &CodeUnit) -> String {
    let mut out = Vec::new();
    dump_one(co, &mut out);
    out.join("\n") + "\n"
}
