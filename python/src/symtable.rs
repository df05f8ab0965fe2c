//! The symbol table: which names are local, global, free or cells in each scope.
//! Mirrors Python/symtable.c (CPython 3.11): the same flags (`DEF_LOCAL`, `USE`, ...),
//! the same two passes (`symtable_visit_*` collects, `analyze_block` resolves) and
//! the same SyntaxError messages.
//!
//! Differences from CPython: entries live in a `Vec` and the code generator finds a
//! scope's entry by the address of its AST node (CPython keys on the node pointer
//! too). Recursion is bounded by `MAX_DEPTH`; past it a RecursionError-kind error is
//! returned instead of overflowing the native stack.

use crate::compile::{CompileError, LineIndex};
use hashbrown::{HashMap, HashSet};
use rustpython_parser::ast::{self, Ranged};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
const SCOPE_OFFSET: u32 = 11;
const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/// How deep the walk over the AST may recurse (CPython bounds it by the C stack).
pub const MAX_DEPTH: usize = 3000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    fn from_u32(v: u32) -> Scope {
        match v {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => Scope::Unknown,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    /// Kept for symmetry with 3.12; 3.11 never creates one (under `from __future__
    /// import annotations` annotations are simply not visited).
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    None,
    List,
    Set,
    Dict,
    Generator,
}

pub type ScopeId = usize;

/// Mirrors `PySTEntryObject`.
#[derive(Debug)]
pub struct SymtableEntry {
    pub name: String,
    pub typ: BlockType,
    /// Symbols in first-seen order with their flags (and, after analysis, the scope
    /// in the bits above `SCOPE_OFFSET`).
    pub symbols: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    /// Parameters, in order.
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    /// Where each `global`/`nonlocal` name was declared, for error positions.
    directives: HashMap<String, (u32, u32, u32, u32)>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Comprehension,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub free: bool,
    pub child_free: bool,
    comp_iter_target: bool,
    comp_iter_expr: i32,
    pub lineno: u32,
    pub col_offset: u32,
}

impl SymtableEntry {
    pub fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    /// Mirrors `_PyST_GetScope`.
    pub fn scope(&self, name: &str) -> Scope {
        Scope::from_u32((self.flags(name) >> SCOPE_OFFSET) & SCOPE_MASK)
    }

    /// The sorted names of the given scope or with the given flag (`dictbytype`).
    pub fn names_by_type(&self, scope: Scope, flag: u32) -> Vec<String> {
        let mut out: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, f)| {
                Scope::from_u32((f >> SCOPE_OFFSET) & SCOPE_MASK) == scope || f & flag != 0
            })
            .map(|(n, _)| n.clone())
            .collect();
        out.sort();
        out
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flags));
            }
        }
    }
}

/// Mirrors `struct symtable`.
pub struct SymbolTable {
    pub entries: Vec<SymtableEntry>,
    by_key: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The entry of the scope created by the AST node at this address.
    pub fn lookup(&self, key: usize) -> Option<ScopeId> {
        self.by_key.get(&key).copied()
    }
}

/// Mirrors `_Py_Mangle`: `__spam` inside `class Ham` becomes `_Ham__spam`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(private) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder<'a> {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    cur: ScopeId,
    global: ScopeId,
    private: Option<String>,
    future_annotations: bool,
    lines: &'a LineIndex,
    depth: usize,
}

type Res = Result<(), CompileError>;

/// Builds the symbol table of a module. Mirrors `_PySymtable_Build`.
pub fn build(
    body: &[ast::Stmt],
    module_key: usize,
    lines: &LineIndex,
    future_annotations: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        table: SymbolTable {
            entries: Vec::new(),
            by_key: HashMap::new(),
        },
        stack: Vec::new(),
        cur: 0,
        global: 0,
        private: None,
        future_annotations,
        lines,
        depth: 0,
    };
    b.enter_block("top", BlockType::Module, module_key, 0, 0);
    for s in body {
        b.visit_stmt(s)?;
    }
    b.exit_block();
    b.analyze()?;
    Ok(b.table)
}

/// Builds the symbol table of an expression (eval mode).
pub fn build_expr(
    body: &ast::Expr,
    module_key: usize,
    lines: &LineIndex,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        table: SymbolTable {
            entries: Vec::new(),
            by_key: HashMap::new(),
        },
        stack: Vec::new(),
        cur: 0,
        global: 0,
        private: None,
        future_annotations: false,
        lines,
        depth: 0,
    };
    b.enter_block("top", BlockType::Module, module_key, 0, 0);
    b.visit_expr(body)?;
    b.exit_block();
    b.analyze()?;
    Ok(b.table)
}

impl<'a> Builder<'a> {
    fn ste(&mut self) -> &mut SymtableEntry {
        &mut self.table.entries[self.cur]
    }

    fn error_at(&self, msg: String, range: ast::text_size::TextRange) -> CompileError {
        let (l, c) = self.lines.line_col(range.start().to_usize());
        let (el, ec) = self.lines.line_col(range.end().to_usize());
        CompileError::syntax(msg, l, c + 1, el, ec + 1)
    }

    fn enter_block(&mut self, name: &str, typ: BlockType, key: usize, lineno: u32, col: u32) {
        let nested = if self.table.entries.is_empty() {
            false
        } else {
            let prev = &self.table.entries[self.cur];
            prev.nested || prev.typ == BlockType::Function
        };
        let id = self.table.entries.len();
        self.table.entries.push(SymtableEntry {
            name: name.to_string(),
            typ,
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: HashMap::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: Comprehension::None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            free: false,
            child_free: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            lineno,
            col_offset: col,
        });
        if id > 0 {
            self.table.entries[self.cur].children.push(id);
        }
        self.table.by_key.insert(key, id);
        self.stack.push(id);
        self.cur = id;
        if typ == BlockType::Module {
            self.global = id;
        }
    }

    fn exit_block(&mut self) {
        self.stack.pop();
        if let Some(&top) = self.stack.last() {
            self.cur = top;
        }
    }

    fn loc(&self, range: ast::text_size::TextRange) -> (u32, u32) {
        let (l, c) = self.lines.line_col(range.start().to_usize());
        (l, c)
    }

    /// Mirrors `symtable_add_def`.
    fn add_def(&mut self, name: &str, flag: u32, range: ast::text_size::TextRange) -> Res {
        let cur = self.cur;
        self.add_def_in(name, flag, cur, range)
    }

    /// Mirrors `symtable_add_def_helper`.
    fn add_def_in(
        &mut self,
        name: &str,
        flag: u32,
        ste: ScopeId,
        range: ast::text_size::TextRange,
    ) -> Res {
        let mangled = mangle(self.private.as_deref(), name);
        let entry = &self.table.entries[ste];
        let mut val = flag;
        if let Some(&i) = entry.index.get(&mangled) {
            let old = entry.symbols[i].1;
            if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                return Err(self.error_at(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                ));
            }
            val = old | flag;
        }
        if entry.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.error_at(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let entry = &mut self.table.entries[ste];
        entry.set_flags(&mangled, val);
        if flag & DEF_PARAM != 0 {
            entry.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let g = self.global;
            let old = self.table.entries[g].flags(&mangled);
            self.table.entries[g].set_flags(&mangled, flag | old);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: ast::text_size::TextRange) {
        let (l, c) = self.lines.line_col(range.start().to_usize());
        let (el, ec) = self.lines.line_col(range.end().to_usize());
        let mangled = mangle(self.private.as_deref(), name);
        self.ste()
            .directives
            .entry(mangled)
            .or_insert((l, c, el, ec));
    }

    fn enter_recursion(&mut self, _range: ast::text_size::TextRange) -> Res {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::recursion());
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[ast::Stmt]) -> Res {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[ast::Expr]) -> Res {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &ast::Stmt) -> Res {
        self.enter_recursion(s.range())?;
        let r = self.visit_stmt1(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt1(&mut self, s: &ast::Stmt) -> Res {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => self.visit_function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
                node_key(f),
            )?,
            AsyncFunctionDef(f) => self.visit_function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
                node_key(f),
            )?,
            ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.range())?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                let (l, col) = self.loc(s.range());
                self.enter_block(&c.name, BlockType::Class, node_key(c), l, col);
                let saved = self.private.replace(c.name.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit_block();
            }
            Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                    self.ste().returns_value = true;
                }
            }
            Delete(d) => self.visit_exprs(&d.targets)?,
            Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)?;
            }
            AnnAssign(a) => {
                let simple = a.simple;
                if let ast::Expr::Name(n) = &*a.target {
                    let cur =
                        self.table.entries[self.cur].flags(&mangle(self.private.as_deref(), &n.id));
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != self.global && simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        };
                        return Err(self.error_at(msg, s.range()));
                    }
                    if simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                self.visit_body(&i.orelse)?;
            }
            Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            Try(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            TryStar(t) => self.visit_try(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias)?;
                }
            }
            Global(g) => {
                for name in &g.names {
                    let cur =
                        self.table.entries[self.cur].flags(&mangle(self.private.as_deref(), name));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(self.error_at(msg, s.range()));
                    }
                    self.add_def(name, DEF_GLOBAL, s.range())?;
                    self.record_directive(name, s.range());
                }
            }
            Nonlocal(g) => {
                for name in &g.names {
                    let cur =
                        self.table.entries[self.cur].flags(&mangle(self.private.as_deref(), name));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.error_at(msg, s.range()));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.range())?;
                    self.record_directive(name, s.range());
                }
            }
            Expr(e) => self.visit_expr(&e.value)?,
            Pass(_) | Break(_) | Continue(_) => {}
            With(w) => {
                for item in &w.items {
                    self.visit_withitem(item)?;
                }
                self.visit_body(&w.body)?;
            }
            AsyncWith(w) => {
                for item in &w.items {
                    self.visit_withitem(item)?;
                }
                self.visit_body(&w.body)?;
            }
            TypeAlias(_) => {}
        }
        Ok(())
    }

    fn visit_try(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> Res {
        self.visit_body(body)?;
        self.visit_body(orelse)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add_def(n, DEF_LOCAL, h.range)?;
            }
            self.visit_body(&h.body)?;
        }
        self.visit_body(finalbody)
    }

    fn visit_withitem(&mut self, item: &ast::WithItem) -> Res {
        self.visit_expr(&item.context_expr)?;
        if let Some(v) = &item.optional_vars {
            self.visit_expr(v)?;
        }
        Ok(())
    }

    /// Mirrors `symtable_visit_alias`.
    fn visit_alias(&mut self, alias: &ast::Alias) -> Res {
        let store = match &alias.asname {
            Some(a) => a.to_string(),
            None => alias.name.split('.').next().unwrap_or("").to_string(),
        };
        if &*alias.name == "*" {
            if self.table.entries[self.cur].typ != BlockType::Module {
                return Err(
                    self.error_at("import * only allowed at module level".into(), alias.range)
                );
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, alias.range)
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_function(
        &mut self,
        s: &ast::Stmt,
        name: &str,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        is_async: bool,
        key: usize,
    ) -> Res {
        self.add_def(name, DEF_LOCAL, s.range())?;
        self.visit_defaults(args)?;
        self.visit_annotations(args, returns)?;
        self.visit_exprs(decorators)?;
        let (l, c) = self.loc(s.range());
        self.enter_block(name, BlockType::Function, key, l, c);
        if is_async {
            self.ste().coroutine = true;
        }
        self.visit_arguments(args)?;
        self.visit_body(body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_defaults(&mut self, args: &ast::Arguments) -> Res {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    /// Mirrors `symtable_visit_annotations`. Under `from __future__ import
    /// annotations` 3.11 records nothing from annotations (they become strings), so
    /// they are not visited at all.
    fn visit_annotations(&mut self, args: &ast::Arguments, returns: Option<&ast::Expr>) -> Res {
        if self.future_annotations {
            let all = args
                .posonlyargs
                .iter()
                .chain(&args.args)
                .chain(&args.kwonlyargs)
                .map(|a| &a.def);
            for a in all
                .chain(args.vararg.as_deref())
                .chain(args.kwarg.as_deref())
            {
                if let Some(ann) = &a.annotation {
                    self.check_string_annotation(ann)?;
                }
            }
            if let Some(r) = returns {
                self.check_string_annotation(r)?;
            }
            return Ok(());
        }
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(ann) = &a.def.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(v) = &args.vararg {
            if let Some(ann) = &v.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(v) = &args.kwarg {
            if let Some(ann) = &v.annotation {
                self.visit_expr(ann)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.def.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    /// Mirrors `symtable_visit_annotation` (nothing under future annotations).
    fn visit_annotation(&mut self, ann: &ast::Expr) -> Res {
        if self.future_annotations {
            return self.check_string_annotation(ann);
        }
        self.visit_expr(ann)
    }

    /// Under `from __future__ import annotations` an annotation is only text, but
    /// 3.11 still rejects the expressions that would need a scope of their own.
    fn check_string_annotation(&self, e: &ast::Expr) -> Res {
        let mut stack = vec![e];
        let mut seen = 0;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > 100_000 {
                break;
            }
            let what = match x {
                ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => Some("yield expression"),
                ast::Expr::Await(_) => Some("await expression"),
                ast::Expr::NamedExpr(_) => Some("named expression"),
                _ => None,
            };
            if let Some(what) = what {
                return Err(self.error_at(
                    format!("'{what}' can not be used within an annotation"),
                    x.range(),
                ));
            }
            match x {
                ast::Expr::Lambda(_)
                | ast::Expr::ListComp(_)
                | ast::Expr::SetComp(_)
                | ast::Expr::DictComp(_)
                | ast::Expr::GeneratorExp(_) => {}
                _ => push_children(x, &mut stack),
            }
        }
        Ok(())
    }

    /// Mirrors `symtable_visit_arguments`: parameters in `co_varnames` order.
    fn visit_arguments(&mut self, args: &ast::Arguments) -> Res {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.def.arg, DEF_PARAM, a.def.range)?;
        }
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.range)?;
            self.ste().varargs = true;
        }
        if let Some(v) = &args.kwarg {
            self.add_def(&v.arg, DEF_PARAM, v.range)?;
            self.ste().varkeywords = true;
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &ast::Expr) -> Res {
        if self.table.entries[self.cur].typ == BlockType::Annotation {
            return Err(self.error_at(
                format!("{what} cannot be used within an annotation"),
                e.range(),
            ));
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &ast::Expr) -> Res {
        self.enter_recursion(e.range())?;
        let r = self.visit_expr1(e);
        self.depth -= 1;
        r
    }

    fn visit_expr1(&mut self, e: &ast::Expr) -> Res {
        use ast::Expr::*;
        match e {
            NamedExpr(n) => {
                self.raise_if_annotation_block("named expression", e)?;
                if self.table.entries[self.cur].comp_iter_expr > 0 {
                    return Err(self.error_at(
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                        e.range(),
                    ));
                }
                if self.table.entries[self.cur].comprehension != Comprehension::None {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.visit_expr(&n.value)?;
                self.visit_expr(&n.target)?;
            }
            BoolOp(b) => self.visit_exprs(&b.values)?,
            BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            UnaryOp(u) => self.visit_expr(&u.operand)?,
            Lambda(l) => {
                self.visit_defaults(&l.args)?;
                let (ln, c) = self.loc(e.range());
                self.enter_block("lambda", BlockType::Function, node_key(l), ln, c);
                self.visit_arguments(&l.args)?;
                self.visit_expr(&l.body)?;
                self.exit_block();
            }
            IfExp(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(&d.values)?;
            }
            Set(s) => self.visit_exprs(&s.elts)?,
            GeneratorExp(g) => self.handle_comprehension(
                e,
                node_key(g),
                "genexpr",
                &g.generators,
                &g.elt,
                None,
                Comprehension::Generator,
            )?,
            ListComp(g) => self.handle_comprehension(
                e,
                node_key(g),
                "listcomp",
                &g.generators,
                &g.elt,
                None,
                Comprehension::List,
            )?,
            SetComp(g) => self.handle_comprehension(
                e,
                node_key(g),
                "setcomp",
                &g.generators,
                &g.elt,
                None,
                Comprehension::Set,
            )?,
            DictComp(g) => self.handle_comprehension(
                e,
                node_key(g),
                "dictcomp",
                &g.generators,
                &g.key,
                Some(&g.value),
                Comprehension::Dict,
            )?,
            Yield(y) => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.ste().generator = true;
                self.raise_if_comprehension_block(e)?;
            }
            YieldFrom(y) => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(&y.value)?;
                self.ste().generator = true;
                self.raise_if_comprehension_block(e)?;
            }
            Await(a) => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(&a.value)?;
                self.ste().coroutine = true;
            }
            Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)?;
            }
            Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.args)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            FormattedValue(f) => {
                self.visit_expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.visit_expr(s)?;
                }
            }
            JoinedStr(j) => self.visit_exprs(&j.values)?,
            Constant(_) => {}
            Attribute(a) => self.visit_expr(&a.value)?,
            Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Starred(s) => self.visit_expr(&s.value)?,
            Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            Name(n) => {
                let flag = if matches!(n.ctx, ast::ExprContext::Load) {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(&n.id, flag, n.range)?;
                // A bare `super` needs the `__class__` cell.
                if matches!(n.ctx, ast::ExprContext::Load)
                    && self.table.entries[self.cur].typ == BlockType::Function
                    && &*n.id == "super"
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            List(l) => self.visit_exprs(&l.elts)?,
            Tuple(t) => self.visit_exprs(&t.elts)?,
        }
        Ok(())
    }

    fn raise_if_comprehension_block(&self, e: &ast::Expr) -> Res {
        let msg = match self.table.entries[self.cur].comprehension {
            Comprehension::None => return Ok(()),
            Comprehension::List => "'yield' inside list comprehension",
            Comprehension::Set => "'yield' inside set comprehension",
            Comprehension::Dict => "'yield' inside dict comprehension",
            Comprehension::Generator => "'yield' inside generator expression",
        };
        Err(self.error_at(msg.into(), e.range()))
    }

    /// Mirrors `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds
    /// in the nearest enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &ast::Expr) -> Res {
        let ast::Expr::Name(n) = target else {
            return Ok(());
        };
        let name = &n.id;
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let entry = &self.table.entries[ste];
            if entry.comprehension != Comprehension::None {
                if entry.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(self.error_at(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        n.range,
                    ));
                }
                continue;
            }
            match entry.typ {
                BlockType::Function => {
                    if entry.flags(name) & DEF_GLOBAL != 0 {
                        self.add_def(name, DEF_GLOBAL, n.range)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, n.range)?;
                    }
                    self.record_directive(name, n.range);
                    return self.add_def_in(name, DEF_LOCAL, ste, n.range);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, n.range)?;
                    self.record_directive(name, n.range);
                    return self.add_def_in(name, DEF_GLOBAL, ste, n.range);
                }
                BlockType::Class => {
                    return Err(self.error_at(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        n.range,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    /// Mirrors `symtable_handle_comprehension`.
    #[allow(clippy::too_many_arguments)]
    fn handle_comprehension(
        &mut self,
        e: &ast::Expr,
        key: usize,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        kind: Comprehension,
    ) -> Res {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.ste().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.ste().comp_iter_expr -= 1;
        let (l, c) = self.loc(e.range());
        self.enter_block(&format!("<{name}>"), BlockType::Function, key, l, c);
        self.ste().comprehension = kind;
        if outermost.is_async {
            self.ste().coroutine = true;
        }
        // The outermost iterator arrives as the implicit argument `.0`.
        self.add_def(".0", DEF_PARAM, e.range())?;
        self.ste().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.ste().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.ste().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.ste().comp_iter_target = false;
            self.ste().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.ste().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.ste().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == Comprehension::Generator;
        self.ste().generator = is_generator;
        let is_async = self.ste().coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.ste().coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &ast::Pattern) -> Res {
        self.enter_recursion(p.range())?;
        let r = self.visit_pattern1(p);
        self.depth -= 1;
        r
    }

    fn visit_pattern1(&mut self, p: &ast::Pattern) -> Res {
        use ast::Pattern::*;
        match p {
            MatchValue(v) => self.visit_expr(&v.value)?,
            MatchSingleton(_) => {}
            MatchSequence(s) => {
                for x in &s.patterns {
                    self.visit_pattern(x)?;
                }
            }
            MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, s.range)?;
                }
            }
            MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                for x in &m.patterns {
                    self.visit_pattern(x)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, m.range)?;
                }
            }
            MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for x in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.visit_pattern(x)?;
                }
            }
            MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.visit_pattern(x)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, a.range)?;
                }
            }
            MatchOr(o) => {
                for x in &o.patterns {
                    self.visit_pattern(x)?;
                }
            }
        }
        Ok(())
    }

    // ---- Analysis (the second pass) ----

    fn analyze(&mut self) -> Res {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global, 0)
    }

    fn directive_error(&self, ste: ScopeId, name: &str, msg: String) -> CompileError {
        let entry = &self.table.entries[ste];
        let (l, c, el, ec) = entry.directives.get(name).copied().unwrap_or((
            entry.lineno,
            entry.col_offset,
            entry.lineno,
            entry.col_offset,
        ));
        CompileError::syntax(msg, l, c + 1, el, ec + 1)
    }

    /// Mirrors `analyze_name`.
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        ste: ScopeId,
        scopes: &mut HashMap<String, Scope>,
        name: &str,
        flags: u32,
        mut bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Res {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.directive_error(
                    ste,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            scopes.insert(name.to_string(), Scope::GlobalExplicit);
            global.insert(name.to_string());
            // A global declaration hides an enclosing function's binding from
            // the blocks nested here.
            if let Some(b) = bound.as_deref_mut() {
                b.remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound.as_deref() else {
                return Err(self.directive_error(
                    ste,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.directive_error(
                    ste,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            scopes.insert(name.to_string(), Scope::Free);
            self.table.entries[ste].free = true;
            free.insert(name.to_string());
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.insert(name.to_string(), Scope::Local);
            local.insert(name.to_string());
            global.remove(name);
            return Ok(());
        }
        if bound.as_deref().is_some_and(|b| b.contains(name)) {
            scopes.insert(name.to_string(), Scope::Free);
            self.table.entries[ste].free = true;
            free.insert(name.to_string());
            return Ok(());
        }
        if global.contains(name) {
            scopes.insert(name.to_string(), Scope::GlobalImplicit);
            return Ok(());
        }
        if self.table.entries[ste].nested {
            self.table.entries[ste].free = true;
        }
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        Ok(())
    }

    /// Mirrors `analyze_block`.
    fn analyze_block(
        &mut self,
        ste: ScopeId,
        mut bound: Option<HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
        depth: usize,
    ) -> Res {
        if depth > MAX_DEPTH {
            return Err(CompileError::recursion());
        }
        let mut local = HashSet::new();
        let mut scopes: HashMap<String, Scope> = HashMap::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newfree: HashSet<String> = HashSet::new();
        let mut newbound: HashSet<String> = HashSet::new();
        let typ = self.table.entries[ste].typ;
        if typ == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let symbols = self.table.entries[ste].symbols.clone();
        for (name, flags) in &symbols {
            self.analyze_name(
                ste,
                &mut scopes,
                name,
                *flags,
                bound.as_mut(),
                &mut local,
                free,
                global,
            )?;
        }
        if typ != BlockType::Class {
            if typ == BlockType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut allfree: HashSet<String> = HashSet::new();
        let children = self.table.entries[ste].children.clone();
        for c in children {
            let temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.analyze_block(
                c,
                Some(temp_bound),
                &mut temp_free,
                &mut temp_global,
                depth + 1,
            )?;
            allfree.extend(temp_free);
            let child = &self.table.entries[c];
            if child.free || child.child_free {
                self.table.entries[ste].child_free = true;
            }
        }
        newfree.extend(allfree);
        if typ == BlockType::Function {
            // analyze_cells: a local that a child uses freely becomes a cell.
            for (name, scope) in scopes.iter_mut() {
                if *scope == Scope::Local && newfree.contains(name) {
                    *scope = Scope::Cell;
                    newfree.remove(name);
                }
            }
        } else if typ == BlockType::Class && newfree.remove("__class__") {
            self.table.entries[ste].needs_class_closure = true;
        }
        self.update_symbols(
            ste,
            &scopes,
            bound.as_ref(),
            &newfree,
            typ == BlockType::Class,
        );
        free.extend(newfree);
        Ok(())
    }

    /// Mirrors `update_symbols`: record each symbol's scope, and make names that are
    /// free in children free here too (unless they are bound here).
    fn update_symbols(
        &mut self,
        ste: ScopeId,
        scopes: &HashMap<String, Scope>,
        bound: Option<&HashSet<String>>,
        free: &HashSet<String>,
        classflag: bool,
    ) {
        let entry = &mut self.table.entries[ste];
        for (name, flags) in entry.symbols.iter_mut() {
            let scope = scopes.get(name).copied().unwrap_or(Scope::Unknown) as u32;
            *flags |= scope << SCOPE_OFFSET;
        }
        let mut free_sorted: Vec<&String> = free.iter().collect();
        free_sorted.sort();
        for name in free_sorted {
            if let Some(&i) = entry.index.get(name.as_str()) {
                let v = entry.symbols[i].1;
                if classflag && v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    entry.symbols[i].1 = v | DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name.as_str())) {
                continue;
            }
            entry.set_flags(name, (Scope::Free as u32) << SCOPE_OFFSET);
        }
    }
}

/// The direct sub-expressions of an expression (for the annotation check).
fn push_children<'e>(e: &'e ast::Expr, out: &mut Vec<&'e ast::Expr>) {
    use ast::Expr::*;
    match e {
        BoolOp(b) => out.extend(&b.values),
        BinOp(b) => {
            out.push(&b.left);
            out.push(&b.right);
        }
        UnaryOp(u) => out.push(&u.operand),
        IfExp(i) => {
            out.push(&i.test);
            out.push(&i.body);
            out.push(&i.orelse);
        }
        Dict(d) => {
            out.extend(d.keys.iter().flatten());
            out.extend(&d.values);
        }
        Set(s) => out.extend(&s.elts),
        Compare(c) => {
            out.push(&c.left);
            out.extend(&c.comparators);
        }
        Call(c) => {
            out.push(&c.func);
            out.extend(&c.args);
            out.extend(c.keywords.iter().map(|k| &k.value));
        }
        FormattedValue(f) => {
            out.push(&f.value);
            out.extend(f.format_spec.as_deref());
        }
        JoinedStr(j) => out.extend(&j.values),
        Attribute(a) => out.push(&a.value),
        Subscript(s) => {
            out.push(&s.value);
            out.push(&s.slice);
        }
        Starred(s) => out.push(&s.value),
        List(l) => out.extend(&l.elts),
        Tuple(t) => out.extend(&t.elts),
        Slice(s) => out.extend(
            [&s.lower, &s.upper, &s.step]
                .into_iter()
                .flatten()
                .map(|b| &**b),
        ),
        Await(a) => out.push(&a.value),
        Yield(y) => out.extend(y.value.as_deref()),
        YieldFrom(y) => out.push(&y.value),
        NamedExpr(n) => {
            out.push(&n.target);
            out.push(&n.value);
        }
        _ => {}
    }
}
