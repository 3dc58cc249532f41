//! Resolved IR expressions to Polars expressions. Columns are referred to by their
//! engine names (attribute ids). `reachable` is the mask of rows a conditional lets
//! through, so ANSI errors fire only where Spark would evaluate the expression.

use super::functions::lower_call;
use super::types::to_polars;
use crate::analysis::null_propagation;
use crate::analysis::typing::data_type;
use crate::analysis::Conf;
use crate::compat::arith::{arithmetic, decimal_arithmetic};
use crate::compat::cast::{cast, CastMode};
use crate::compat::checks::{is_never, never};
use crate::error::{Error, Result};
use crate::ir::function::{ConditionalFn, Func, MathFn};
use crate::ir::{BinaryOp, CastKind, DataType, Expr, Value};
use polars::prelude::{self as pl, col, lit, when, IntoLazy};

pub struct ExprLowering<'a> {
    pub conf: &'a Conf,
    /// Constant conditions already computed, by their IR text: `folds_to_null` asks
    /// again for each operator above a constant.
    constants: std::cell::RefCell<std::collections::HashMap<String, Option<Option<bool>>>>,
}

fn and_mask(mask: &Option<pl::Expr>, cond: pl::Expr) -> Option<pl::Expr> {
    Some(match mask {
        // Nothing under a mask that reaches no row runs: no need to say where.
        Some(m) if is_never(m) => m.clone(),
        Some(m) => m.clone().and(cond),
        None => cond,
    })
}

/// In which order Spark evaluates a call's arguments, where it skips the later ones on
/// a NULL: `BinaryExpression.eval` and `TernaryExpression.eval` (Spark's `NullIntolerant`
/// functions of several arguments are all of these) and `Pmod.eval` (divisor first). None
/// for calls that evaluate every argument (or decide their order themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OperandOrder {
    InOrder,
    DivisorFirst,
}

fn operand_order(f: Func) -> Option<OperandOrder> {
    match f {
        Func::Math(MathFn::Pmod) => Some(OperandOrder::DivisorFirst),
        f if null_propagation::null_intolerant_function(f) => Some(OperandOrder::InOrder),
        _ => None,
    }
}

/// Whether the expression's lowering has no row check (no ANSI error can come from it):
/// columns, literals and the comparisons and connectives over them. Anything else
/// (casts, arithmetic, calls) is taken to possibly fail.
fn cannot_fail(e: &Expr) -> bool {
    match e {
        Expr::Attr(_) | Expr::Literal(_) => true,
        Expr::Alias { expr, .. } | Expr::Not(expr) | Expr::IsNull(expr) | Expr::IsNotNull(expr) => cannot_fail(expr),
        Expr::Binary { op, left, right } => !op.is_arithmetic() && cannot_fail(left) && cannot_fail(right),
        Expr::In { expr, list } => cannot_fail(expr) && list.iter().all(cannot_fail),
        Expr::Cast { expr, to, .. } => crate::compat::cast::cannot_overflow(&data_type(expr), to) && cannot_fail(expr),
        _ => false,
    }
}

thread_local! {
    /// How many conditional expressions (CASE WHEN/IF, `coalesce`, `nvl2`, `nanvl`) the
    /// expression being lowered sits in.
    static CONDITIONAL_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Lowers inside a conditional expression: Spark's ConstantFolding does not fail on a
/// constant there (`tryFold` with `isConditionalBranch`), the row that reaches it does.
fn conditional<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    // Restored on the way out, a panic's too (the thread lowers other queries later).
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            CONDITIONAL_DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        }
    }
    CONDITIONAL_DEPTH.with(|d| d.set(d.get() + 1));
    let _leave = Leave;
    f()
}

fn in_conditional() -> bool {
    CONDITIONAL_DEPTH.with(|d| d.get() > 0)
}

/// Spark's `ConditionalExpression`s: their operands run only on the rows that take them.
fn is_conditional(e: &Expr) -> bool {
    match e.unalias() {
        Expr::CaseWhen { .. } => true,
        Expr::Call(c) => matches!(c.func, Func::Conditional(ConditionalFn::Coalesce | ConditionalFn::Ifnull | ConditionalFn::Nvl2 | ConditionalFn::Nanvl)),
        _ => false,
    }
}

thread_local! {
    /// Whether the expression being lowered is part of a constant being computed by
    /// `check_constant`: its parts need no computing of their own.
    static IN_CHECKED_CONSTANT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A constant that failed to fold inside a conditional: a NULL of its type that raises
/// the folding's error on the first reachable row.
fn deferred_error(err: crate::error::Error, t: &DataType, reachable: &Option<pl::Expr>) -> Result<pl::Expr> {
    let class: &'static str = match err.error_class.as_deref() {
        Some("ARITHMETIC_OVERFLOW") => "ARITHMETIC_OVERFLOW",
        Some("BINARY_ARITHMETIC_OVERFLOW") => "BINARY_ARITHMETIC_OVERFLOW",
        Some("DIVIDE_BY_ZERO") => "DIVIDE_BY_ZERO",
        _ => return Err(err),
    };
    let null = lit(pl::NULL).cast(to_polars(t));
    let message = err.message;
    Ok(crate::compat::checks::fail_where(null, lit(true), reachable.clone(), lit(0), err.kind, class, move |_| message.clone()))
}

impl<'a> ExprLowering<'a> {
    pub fn new(conf: &'a Conf) -> Self {
        ExprLowering { conf, constants: Default::default() }
    }

    /// `coalesce`'s arguments: Spark's `Coalesce.eval` stops at the first non-NULL
    /// argument, so an argument runs (and can raise an ANSI error) only on the rows
    /// where every argument before it is NULL.
    fn lower_coalesced(&self, args: &[Expr], reachable: &Option<pl::Expr>) -> Result<Vec<pl::Expr>> {
        let mut all_null: Option<pl::Expr> = None;
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            let here = match &all_null {
                Some(n) => and_mask(reachable, n.clone()),
                None => reachable.clone(),
            };
            let x = self.lower_in(a, &here)?;
            all_null = Some(match all_null {
                Some(n) => n.and(x.clone().is_null()),
                None => x.clone().is_null(),
            });
            out.push(x);
        }
        Ok(out)
    }

    /// `left AND right` / `left OR right`. Spark's `And.eval` and `Or.eval` (and their
    /// generated code) evaluate the right side only where the left does not decide the
    /// result (AND: left not FALSE; OR: left not TRUE), left to right; stacked filters are
    /// one AND in the order they were written (`CombineFilters`). So the right side's ANSI
    /// checks count only on those rows: `d != 0 AND n / d > 1` never divides by zero.
    /// A constant side that decides the result (`x OR true`, `false AND x`) is the
    /// result, the other side never evaluated: Spark's `BooleanSimplification` drops it
    /// after `ConstantFolding`, with whatever errors it would raise.
    fn lower_connective(&self, op: BinaryOp, left: &Expr, right: &Expr, reachable: &Option<pl::Expr>) -> Result<pl::Expr> {
        let deciding = op == BinaryOp::Or;
        if [left, right].iter().any(|side| self.constant_condition(side) == Some(Some(deciding))) {
            // Spark's BooleanSimplification drops the other side after ConstantFolding
            // has computed the constants in it.
            if !IN_CHECKED_CONSTANT.with(|c| c.get()) {
                // A deciding left side makes a constant right one part of one constant
                // (after NullPropagation: `coalesce(true, c) OR x`), which `Or.eval`
                // computes without its right side.
                let left_decides = self.constant_condition(left) == Some(Some(deciding));
                for side in [left, right] {
                    if left_decides && std::ptr::eq(side, right) && null_propagation::is_foldable(side) {
                        continue;
                    }
                    match null_propagation::is_foldable(side) {
                        true => self.check_constant(side)?,
                        false => self.check_constant_parts(side)?,
                    }
                }
            }
            return Ok(lit(deciding));
        }
        let l = self.lower_in(left, reachable)?;
        let r = if cannot_fail(right) {
            self.lower_in(right, reachable)?
        } else {
            // The left side again without its checks (they fire in `l` already): a mask
            // built from `l` itself would nest every earlier conjunct's masks inside the
            // next one's, doubling the expression at each AND of a long chain.
            let decided = self.lower_in(left, &Some(never()))?;
            let undecided = match op {
                BinaryOp::And => decided.fill_null(lit(true)),
                _ => decided.not().fill_null(lit(true)),
            };
            self.lower_in(right, &and_mask(reachable, undecided))?
        };
        Ok(if op == BinaryOp::And { l.and(r) } else { l.or(r) })
    }

    /// The operands of an arithmetic operator or a comparison. Spark's `BinaryExpression`
    /// evaluates its right operand only where the left is not NULL; `/`, `div` and `%`
    /// (`DivModLike`) evaluate the divisor first and the dividend only where the divisor
    /// is not NULL. So the second operand's ANSI checks count only on those rows:
    /// `x + n / d` is NULL, not DIVIDE_BY_ZERO, where `x` is NULL. (`<=>` evaluates both.)
    fn lower_operands(&self, op: BinaryOp, left: &Expr, right: &Expr, reachable: &Option<pl::Expr>) -> Result<(pl::Expr, pl::Expr)> {
        if op == BinaryOp::EqNullSafe {
            return Ok((self.lower_in(left, reachable)?, self.lower_in(right, reachable)?));
        }
        let divisor_first = matches!(op, BinaryOp::Divide | BinaryOp::IntegralDivide | BinaryOp::Modulo);
        let order = if divisor_first { OperandOrder::DivisorFirst } else { OperandOrder::InOrder };
        let [l, r] = <[pl::Expr; 2]>::try_from(self.lower_ordered_args(order, &[left, right], reachable)?).map_err(|_| Error::internal("two operands"))?;
        Ok((l, r))
    }

    /// The arguments of a call Spark evaluates as a `BinaryExpression` or
    /// `TernaryExpression` (each argument only where the ones before it are not NULL;
    /// `pmod` its divisor first): an argument's ANSI checks count only on those rows, so
    /// `startswith(NULL, CAST(pmod(x, 0) AS STRING))` is NULL, not DIVIDE_BY_ZERO.
    fn lower_ordered_args(&self, order: OperandOrder, args: &[&Expr], reachable: &Option<pl::Expr>) -> Result<Vec<pl::Expr>> {
        let sequence: Vec<usize> = match order {
            OperandOrder::InOrder => (0..args.len()).collect(),
            OperandOrder::DivisorFirst => (0..args.len()).rev().collect(),
        };
        let mut out: Vec<Option<pl::Expr>> = vec![None; args.len()];
        // Where every argument evaluated so far is set; built only while a later one
        // has checks to mask.
        let mut all_set: Option<pl::Expr> = None;
        for (at, &i) in sequence.iter().enumerate() {
            let mask = match &all_set {
                Some(set) if !cannot_fail(args[i]) => and_mask(reachable, set.clone()),
                _ => reachable.clone(),
            };
            out[i] = Some(self.lower_in(args[i], &mask)?);
            if sequence[at + 1..].iter().any(|&j| !cannot_fail(args[j])) {
                let set = self.lower_in(args[i], &Some(never()))?.is_not_null();
                all_set = Some(match all_set {
                    Some(s) => s.and(set),
                    None => set,
                });
            }
        }
        Ok(out.into_iter().map(|a| a.expect("every argument lowered")).collect())
    }

    /// The items of `target IN (items)`. Spark's `In.eval` evaluates no item where the
    /// target is NULL, and the items in order up to the first equal one; an item's ANSI
    /// checks count only on those rows (`d IN (0, n / d)` never divides by zero).
    fn lower_in_list(&self, target: &Expr, list: &[Expr], reachable: &Option<pl::Expr>) -> Result<Vec<pl::Expr>> {
        if list.iter().all(cannot_fail) {
            return list.iter().map(|item| self.lower_in(item, reachable)).collect();
        }
        let value = self.lower_in(target, &Some(never()))?;
        let mut not_found = value.clone().is_not_null();
        let mut out = Vec::with_capacity(list.len());
        for item in list {
            out.push(self.lower_in(item, &and_mask(reachable, not_found.clone()))?);
            let equal = value.clone().eq(self.lower_in(item, &Some(never()))?);
            not_found = not_found.and(equal.not().fill_null(lit(true)));
        }
        Ok(out)
    }

    /// `nvl2(x, a, b)` (Spark's `If(IsNotNull(x), a, b)`) and `nanvl(x, y)` (`NaNvl.eval`
    /// evaluates `y` only where `x` is NaN): each branch's checks only where it is taken.
    fn lower_branch_args(&self, f: ConditionalFn, args: &[Expr], reachable: &Option<pl::Expr>) -> Result<Vec<pl::Expr>> {
        let first = self.lower_in(&args[0], reachable)?;
        if args[1..].iter().all(cannot_fail) {
            let rest = args[1..].iter().map(|a| self.lower_in(a, reachable));
            return std::iter::once(Ok(first)).chain(rest).collect();
        }
        let decided = self.lower_in(&args[0], &Some(never()))?;
        let masks = match f {
            ConditionalFn::Nvl2 => vec![decided.clone().is_not_null(), decided.is_null()],
            _ => vec![decided.is_nan().fill_null(lit(false))],
        };
        let mut out = vec![first];
        for (a, m) in args[1..].iter().zip(masks) {
            out.push(self.lower_in(a, &and_mask(reachable, m))?);
        }
        Ok(out)
    }

    pub fn lower(&self, e: &Expr) -> Result<pl::Expr> {
        self.lower_in(e, &None)
    }

    /// A constant CASE WHEN condition's value, computed once over no rows' columns
    /// (Spark's ConstantFolding); None where it is not constant or fails (Spark keeps
    /// a branch whose folding fails).
    pub(super) fn constant_condition(&self, c: &Expr) -> Option<Option<bool>> {
        if let Some(v) = null_propagation::literal_condition(c) {
            return Some(v);
        }
        if let Some(first) = self.first_coalesced(c) {
            return self.constant_condition(first);
        }
        if !null_propagation::is_foldable(c) {
            return None;
        }
        if let Expr::IsNull(x) = c {
            if !crate::analysis::typing::nullable(x, self.conf.ansi) {
                return Some(Some(false));
            }
        }
        let key = format!("{c:?}");
        if let Some(known) = self.constants.borrow().get(&key) {
            return *known;
        }
        // Unknown while it is computed: lowering it asks about its own operands again.
        self.constants.borrow_mut().insert(key.clone(), None);
        let value = self.compute_condition(c);
        self.constants.borrow_mut().insert(key, value);
        value
    }

    /// NullPropagation of `coalesce`: its NULL literals go, and so does everything after
    /// its first argument that cannot be NULL — the answer when that is the first left
    /// (`coalesce(true, c) OR x` is true, and x never runs).
    fn first_coalesced<'e>(&self, c: &'e Expr) -> Option<&'e Expr> {
        let Expr::Call(call) = c.unalias() else { return None };
        if call.func != Func::Conditional(ConditionalFn::Coalesce) {
            return None;
        }
        let first = call.args.iter().find(|a| !a.is_null_literal())?;
        (!crate::analysis::typing::nullable(first, self.conf.ansi)).then_some(first)
    }

    /// Spark's ConstantFolding computes each largest foldable subtree once while the
    /// query is optimised, and a failure there fails the query before any row runs
    /// (over no rows too): `element_at(array(1, 2), 7) % NULL`... — except in a
    /// conditional branch, where `tryFold` leaves the failure to the rows that reach
    /// it. So a constant that can fail is computed here once, outside conditionals.
    fn check_constant(&self, e: &Expr) -> Result<()> {
        if in_conditional()
            || IN_CHECKED_CONSTANT.with(|c| c.get())
            || matches!(e, Expr::Alias { .. } | Expr::WithOrigin { .. })
            || cannot_fail(e)
            || !null_propagation::is_foldable(e)
            // NullPropagation's first pass, before ConstantFolding: an operator over a
            // NULL literal is NULL, its other operands never computed.
            || null_propagation::null_from_literal(e, &|c| self.constant_condition(c))
        {
            return Ok(());
        }
        struct Leave;
        impl Drop for Leave {
            fn drop(&mut self) {
                IN_CHECKED_CONSTANT.with(|c| c.set(false));
            }
        }
        IN_CHECKED_CONSTANT.with(|c| c.set(true));
        let lowered = {
            let _leave = Leave;
            // `lower_node`: this node's origin is set already (`lower_in` called us).
            self.lower_node(e, &None)?
        };
        // The check's own error carries the context Spark gives it (none where its
        // node has no origin); the origin of a node above must not take it.
        // Polars' simplification would drop an operand beside a NULL (`NULL % x` is NULL
        // to it); Spark's `eval` computes it (the divisor first).
        match pl::DataFrame::empty().lazy().select([lowered.alias("v")]).with_optimizations(pl::OptFlags::TYPE_COERCION | pl::OptFlags::TYPE_CHECK).collect() {
            Ok(_) => Ok(()),
            Err(e) => match crate::compat::errors::decode_runtime_error(&e.to_string()) {
                Some(err) => Err(err.with_settled_context()),
                None => Ok(()),
            },
        }
    }

    /// Spark's ConstantFolding over an expression that is not lowered (its plan never
    /// runs): each of its constants computed, outside conditionals, as lowering would.
    pub fn check_constants(&self, e: &Expr) -> Result<()> {
        if let Expr::Alias { expr, .. } = e {
            return self.check_constants(expr);
        }
        if let Expr::WithOrigin { expr, origin } = e {
            return crate::compat::errors::lowering_at(origin, || self.check_constants(expr));
        }
        match null_propagation::is_foldable(e) {
            true if !is_conditional(e) => self.check_constant(e),
            true => Ok(()),
            false => self.check_constant_parts(e),
        }
    }

    /// The constants inside an expression that folds to NULL through a NULL some
    /// constant computes: Spark computes every one of them (and fails on the first that
    /// fails) before that NULL propagates; not those under a conditional (`tryFold`), nor
    /// those a NULL literal's propagation removed first.
    fn check_constant_parts(&self, e: &Expr) -> Result<()> {
        if null_propagation::is_foldable(e) || null_propagation::null_from_literal(e, &|c| self.constant_condition(c)) {
            // Computed whole by `check_constant`, or never computed.
            return Ok(());
        }
        if is_conditional(e) {
            return Ok(());
        }
        for c in e.children() {
            if null_propagation::is_foldable(c) {
                self.check_constant(c)?;
            } else {
                self.check_constant_parts(c)?;
            }
        }
        Ok(())
    }

    fn compute_condition(&self, c: &Expr) -> Option<Option<bool>> {
        let lowered = self.lower_in(c, &None).ok()?;
        let frame = pl::DataFrame::empty().lazy().select([lowered.cast(pl::DataType::Boolean).alias("c")]).collect().ok()?;
        match frame.column("c").ok()?.get(0).ok()? {
            pl::AnyValue::Boolean(b) => Some(Some(b)),
            pl::AnyValue::Null => Some(None),
            _ => None,
        }
    }

    /// `CAST(decimal AS DOUBLE) <op> literal`, as Spark coerces `price > 0.05`, compared on
    /// the decimal itself against the exact thresholds where the cast crosses the literal
    /// (`compat::decimal::double_thresholds`): same answer, no conversion per row, and the
    /// filter still reaches the Parquet scan. None when the shape does not apply.
    fn decimal_against_double_literal(
        &self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        reachable: &Option<pl::Expr>,
    ) -> Result<Option<pl::Expr>> {
        use BinaryOp::*;
        let (dec, c, op) = match (left.unalias(), right.unalias()) {
            (Expr::Cast { expr, to: DataType::Double, .. }, Expr::Literal(Value::Double(c))) => (expr, *c, op),
            (Expr::Literal(Value::Double(c)), Expr::Cast { expr, to: DataType::Double, .. }) => {
                let mirrored = match op {
                    Lt => Gt,
                    LtEq => GtEq,
                    Gt => Lt,
                    GtEq => LtEq,
                    other => other,
                };
                (expr, *c, mirrored)
            }
            _ => return Ok(None),
        };
        let DataType::Decimal(precision, scale) = data_type(dec) else { return Ok(None) };
        if !matches!(op, Eq | NotEq | Lt | LtEq | Gt | GtEq) {
            return Ok(None);
        }
        let Some((ge, gt)) = crate::compat::decimal::double_thresholds(c, scale) else { return Ok(None) };
        let x = self.lower_in(dec, reachable)?;
        let bound = 10i128.pow(precision as u32); // values lie strictly inside (-bound, bound)
        // `x >= t` for unscaled t; constant (NULL on NULL) when t is outside the type's range.
        let at_least = |t: i128| -> Result<pl::Expr> {
            let constant = |b: bool| when(x.clone().is_not_null()).then(lit(b)).otherwise(lit(pl::NULL).cast(pl::DataType::Boolean));
            Ok(if t <= -bound + 1 {
                constant(true)
            } else if t >= bound {
                constant(false)
            } else {
                x.clone().gt_eq(literal(&Value::Decimal(t, precision, scale))?)
            })
        };
        Ok(Some(match op {
            GtEq => at_least(ge)?,
            Gt => at_least(gt)?,
            Lt => at_least(ge)?.not(),
            LtEq => at_least(gt)?.not(),
            Eq => at_least(ge)?.and(at_least(gt)?.not()),
            _ => at_least(ge)?.and(at_least(gt)?.not()).not(),
        }))
    }

    pub fn lower_in(&self, e: &Expr, reachable: &Option<pl::Expr>) -> Result<pl::Expr> {
        if crate::analysis::nesting::counts(e) == 0 {
            return self.lower_node(e, reachable);
        }
        // Which checks report an origin: the node's it was written on (`lowering_node`).
        let implicit_cast = matches!(e, Expr::Cast { kind: CastKind::Cast | CastKind::Implicit, .. } | Expr::Alias { .. });
        crate::compat::errors::lowering_node(implicit_cast, || crate::analysis::nesting::nested(|| self.lower_node(e, reachable)))
    }

    fn lower_node(&self, e: &Expr, reachable: &Option<pl::Expr>) -> Result<pl::Expr> {
        // Spark's optimizer computes its constants (ConstantFolding) before the NULLs they
        // give propagate (NullPropagation's next pass): a failing constant fails first.
        self.check_constant(e)?;
        let computing = IN_CHECKED_CONSTANT.with(|c| c.get());
        // While a constant is computed, it runs as Spark's `eval` runs it, operand by
        // operand: no NULL it computes on the way folds its operators in advance.
        let known = |c: &Expr| if computing && matches!(c, Expr::IsNull(_)) { None } else { self.constant_condition(c) };
        if !matches!(e, Expr::Literal(_) | Expr::Alias { .. } | Expr::WithOrigin { .. } | Expr::Cast { .. }) && null_propagation::folds_to_null(e, &known) {
            if !computing {
                self.check_constant_parts(e)?;
            }
            // What Spark's optimizer leaves of it: a NULL of its type; its operands never run.
            return Ok(lit(pl::NULL).cast(to_polars(&data_type(e))));
        }
        Ok(match e {
            Expr::Attr(a) => col(a.engine_name().as_str()),
            Expr::Literal(v) => literal(v)?,
            Expr::Alias { expr, .. } => self.lower_in(expr, reachable)?,
            Expr::WithOrigin { expr, origin } => crate::compat::errors::lowering_at(origin, || self.lower_in(expr, reachable))?,
            // SimplifyCasts: an up-cast of an up-cast between numbers is one cast, so
            // `CAST(CAST(int AS FLOAT) AS DOUBLE)` never rounds in a FLOAT.
            Expr::Cast { expr, to, kind } if skipped_up_cast(expr, to).is_some() => {
                let inner = skipped_up_cast(expr, to).expect("checked").clone();
                self.lower_in(&Expr::Cast { expr: Box::new(inner), to: to.clone(), kind: *kind }, reachable)?
            }
            Expr::Cast { expr, to, kind } => {
                let mode = match kind {
                    CastKind::Try => CastMode::Try,
                    CastKind::Ansi => CastMode::Ansi,
                    CastKind::Cast | CastKind::Function | CastKind::Implicit if self.conf.ansi => CastMode::Ansi,
                    CastKind::Cast | CastKind::Function | CastKind::Implicit => CastMode::Legacy,
                };
                let tz = &self.conf.session_time_zone;
                if null_propagation::is_constant(expr) {
                    // Spark's ConstantFolding evaluates it once, whichever rows reach it,
                    // and fails the query while optimising, unless the cast sits in a
                    // conditional branch (then it fails on the rows that reach it).
                    let unmasked = cast(self.lower_in(expr, &None)?, &data_type(expr), to, mode, None, tz);
                    match fold_constant(&unmasked) {
                        Ok(Some(value)) if cast_literal(expr, to) => return Ok(value),
                        Err(err) if !in_conditional() && !IN_CHECKED_CONSTANT.with(|c| c.get()) => return Err(err),
                        _ => {}
                    }
                }
                cast(self.lower_in(expr, reachable)?, &data_type(expr), to, mode, reachable.clone(), tz)
            }
            Expr::Binary { op, left, right } => {
                if let (Expr::Literal(a), Expr::Literal(b)) = (left.as_ref(), right.as_ref()) {
                    match crate::compat::arith::fold_literals(*op, a, b, self.conf.ansi) {
                        Some(Ok(v)) => return literal(&v),
                        Some(Err(err)) if in_conditional() => return deferred_error(err, &data_type(e), reachable),
                        Some(Err(err)) => return Err(err),
                        None => {}
                    }
                }
                if let Some(fast) = self.decimal_against_double_literal(*op, left, right, reachable)? {
                    return Ok(fast);
                }
                if *op == BinaryOp::EqNullSafe && self.never_equal(left, right) {
                    return Ok(lit(false));
                }
                if matches!(op, BinaryOp::And | BinaryOp::Or) {
                    return self.lower_connective(*op, left, right, reachable);
                }
                let (l, r) = self.lower_operands(*op, left, right, reachable)?;
                match op {
                    op if op.is_arithmetic() => match (data_type(left), data_type(right)) {
                        (DataType::Decimal(lp, ls), DataType::Decimal(rp, rs)) => {
                            decimal_arithmetic(*op, (l, (lp, ls)), (r, (rp, rs)), &data_type(e), self.conf.ansi, reachable.clone())
                        }
                        (lt, _) => arithmetic(*op, l, r, &lt, self.conf.ansi, reachable.clone()),
                    },
                    // Decimals of different scales, left uncast by analysis (no common
                    // decimal type holds both): compared exactly.
                    op if matches!((data_type(left), data_type(right)), (DataType::Decimal(_, a), DataType::Decimal(_, b)) if a != b) => {
                        crate::compat::decimal_cast::compare(*op, l, r)
                    }
                    BinaryOp::Eq => l.eq(r),
                    BinaryOp::NotEq => l.neq(r),
                    BinaryOp::EqNullSafe => l.eq_missing(r),
                    BinaryOp::Lt => l.lt(r),
                    BinaryOp::LtEq => l.lt_eq(r),
                    BinaryOp::Gt => l.gt(r),
                    BinaryOp::GtEq => l.gt_eq(r),
                    _ => unreachable!(),
                }
            }
            Expr::Not(x) => self.lower_in(x, reachable)?.not(),
            Expr::Negate(x) => {
                crate::compat::arith::negate(self.lower_in(x, reachable)?, &data_type(x), self.conf.ansi, reachable.clone())
            }
            // NullPropagation: a test of what cannot be NULL is a constant, and what it
            // tests never runs (nor fails).
            Expr::IsNull(x) if !crate::analysis::typing::nullable(x, self.conf.ansi) => lit(false),
            Expr::IsNotNull(x) if !crate::analysis::typing::nullable(x, self.conf.ansi) => lit(true),
            Expr::IsNull(x) => self.lower_in(x, reachable)?.is_null(),
            Expr::IsNotNull(x) => self.lower_in(x, reachable)?.is_not_null(),
            Expr::In { expr, list } => {
                let target = self.lower_in(expr, reachable)?;
                if let Some(set) = literal_set(expr, list)? {
                    // No item is NULL, so a hash lookup has the OR's result (NULL only
                    // where the target is).
                    return Ok(target.is_in(lit(set).implode(false), false));
                }
                // An OR of equalities has exactly Spark's three-valued result.
                let items = self.lower_in_list(expr, list, reachable)?;
                balanced_or(items.into_iter().map(|item| target.clone().eq(item)).collect())
            }
            Expr::CaseWhen { branches, otherwise, .. } => conditional(|| -> Result<pl::Expr> {
                let t = to_polars(&data_type(e));
                let mut not_taken: Option<pl::Expr> = None;
                let mut conds = vec![];
                let mut values = vec![];
                for (c, v) in branches {
                    let cond = self.lower_in(c, &and_mask(reachable, not_taken.clone().unwrap_or(lit(true))))?.fill_null(lit(false));
                    let here = match &not_taken {
                        Some(n) => n.clone().and(cond.clone()),
                        None => cond.clone(),
                    };
                    values.push(self.lower_in(v, &and_mask(reachable, here))?.cast(t.clone()));
                    not_taken = Some(match not_taken {
                        Some(n) => n.and(cond.clone().not()),
                        None => cond.clone().not(),
                    });
                    conds.push(cond);
                }
                let other = match otherwise {
                    Some(o) => self.lower_in(o, &and_mask(reachable, not_taken.unwrap_or(lit(true))))?.cast(t.clone()),
                    None => lit(pl::NULL).cast(t.clone()),
                };
                let mut result = other;
                for (c, v) in conds.into_iter().zip(values).rev() {
                    result = when(c).then(v).otherwise(result);
                }
                Ok(result)
            })?,
            Expr::Call(c) if super::functions::datetime::unknown_truncation_unit(c) => lit(pl::NULL).cast(to_polars(&data_type(e))),
            Expr::Call(c) => {
                let args = match c.func {
                    Func::Conditional(ConditionalFn::Coalesce | ConditionalFn::Ifnull) => conditional(|| self.lower_coalesced(&c.args, reachable))?,
                    Func::Conditional(f @ (ConditionalFn::Nvl2 | ConditionalFn::Nanvl)) => conditional(|| self.lower_branch_args(f, &c.args, reachable))?,
                    f if c.args.len() > 1 && !c.args.iter().all(cannot_fail) => match operand_order(f) {
                        Some(order) => self.lower_ordered_args(order, &c.args.iter().collect::<Vec<_>>(), reachable)?,
                        None => c.args.iter().map(|a| self.lower_in(a, reachable)).collect::<Result<Vec<_>>>()?,
                    },
                    _ => c.args.iter().map(|a| self.lower_in(a, reachable)).collect::<Result<Vec<_>>>()?,
                };
                lower_call(c, args, reachable, self.conf)?
            }
            Expr::PythonUdf(u) => {
                let args = u.args.iter().map(|a| self.lower_in(a, reachable)).collect::<Result<Vec<_>>>()?;
                if u.def.eval_type.is_aggregate() {
                    super::udf::aggregate(u, args, &self.conf.session_time_zone)?
                } else {
                    super::udf::call(u, args, &self.conf.session_time_zone)?
                }
            }
            Expr::Sort(k) => self.lower_in(&k.expr, reachable)?,
            // A lambda's body is evaluated over a frame of array elements
            // (`compat::lambdas`): the outer rows' mask does not apply there.
            Expr::Lambda { body, .. } => self.lower_in(body, &None)?,
            Expr::LambdaVariable(v) => col(v.engine_name().as_str()),
            Expr::AggregateFilter { agg, condition } => {
                let Expr::Call(c) = agg.as_ref() else { return Err(Error::internal("FILTER on a non-aggregate")) };
                let args = c.args.iter().map(|a| self.lower_in(a, reachable)).collect::<Result<Vec<_>>>()?;
                let filter = self.lower_in(condition, reachable)?.fill_null(lit(false));
                super::functions::lower_filtered_call(c, args, Some(filter), reachable, self.conf)?
            }
            Expr::Window { .. } | Expr::MultiAlias { .. } => {
                return Err(Error::internal(format!("{e:?} outside the plan node that computes it")))
            }
            Expr::Function { .. } | Expr::Unresolved { .. } | Expr::Star { .. } | Expr::Subquery(_) => {
                return Err(Error::internal(format!("unresolved expression reached lowering: {e:?}")))
            }
        })
    }
}

/// Whether a cast is of a literal to a scalar type: a cast evaluated now, as Spark's
/// `ConstantFolding` does, so a filter comparing a column with
/// `CAST('2024-01-01' AS DATE)` stays a comparison with a literal that Polars pushes
/// into the scan (Spark's casts run as functions Polars cannot look into).
fn cast_literal(e: &Expr, to: &DataType) -> bool {
    use DataType as D;
    let scalar = |t: &DataType| {
        matches!(t, D::Boolean | D::Byte | D::Short | D::Integer | D::Long | D::Float | D::Double | D::Decimal(..) | D::String | D::Date | D::Timestamp | D::TimestampNtz)
    };
    match e {
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } => cast_literal(expr, to),
        Expr::Literal(v) => !matches!(v, Value::Null) && scalar(&data_type(e)) && scalar(to),
        _ => false,
    }
}

/// What an up-cast of an up-cast between numbers casts from (Spark's SimplifyCasts).
fn skipped_up_cast<'e>(expr: &'e Expr, to: &DataType) -> Option<&'e Expr> {
    use crate::analysis::typing::numeric_up_cast;
    let Expr::Cast { expr: inner, to: middle, .. } = expr.unalias() else { return None };
    let from = data_type(inner);
    let numbers = from.is_numeric() && middle.is_numeric() && to.is_numeric();
    (numbers && numeric_up_cast(&from, middle) && numeric_up_cast(middle, to)).then_some(inner.as_ref())
}

/// The value of a constant expression, as a typed literal: None where Polars cannot
/// evaluate it alone, the Spark error where evaluating it fails.
fn fold_constant(constant: &pl::Expr) -> Result<Option<pl::Expr>> {
    let df = match pl::DataFrame::empty().lazy().select([constant.clone().alias("v")]).collect() {
        Ok(df) => df,
        Err(e) => return crate::compat::errors::decode_runtime_error(&e.to_string()).map_or(Ok(None), Err),
    };
    Ok(literal_of_frame(&df))
}

fn literal_of_frame(df: &pl::DataFrame) -> Option<pl::Expr> {
    let s = df.column("v").ok()?.as_materialized_series().clone();
    if s.len() != 1 {
        return None;
    }
    let v = s.get(0).ok()?.into_static();
    Some(lit(pl::Scalar::new(s.dtype().clone(), v)))
}

/// A Spark literal as a Polars literal of the matching type.
pub fn literal(v: &Value) -> Result<pl::Expr> {
    Ok(match v {
        Value::Null => lit(pl::NULL),
        Value::Boolean(b) => lit(*b),
        Value::Byte(x) => lit(*x as i32).cast(pl::DataType::Int8),
        Value::Short(x) => lit(*x as i32).cast(pl::DataType::Int16),
        // Typed literals: Polars reads a plain number literal as dynamic, typed by what
        // it meets (a BIGINT VALUES row beside an INT one would not union) and computed
        // wide when it meets another literal (`7 * -2147483648` would not wrap as an INT).
        Value::Integer(x) => lit(pl::Scalar::from(*x)),
        Value::Long(x) => lit(pl::Scalar::from(*x)),
        Value::Float(x) => lit(pl::Scalar::from(*x)),
        Value::Double(x) => lit(pl::Scalar::from(*x)),
        Value::Decimal(u, p, s) => lit(pl::Scalar::new(
            pl::DataType::Decimal(*p as usize, *s as usize),
            pl::AnyValue::Decimal(*u, *p as usize, *s as usize),
        )),
        Value::String(s) => lit(s.clone()),
        Value::Binary(b) => lit(b.clone()),
        Value::Date(d) => lit(*d).cast(pl::DataType::Date),
        Value::Timestamp(t) | Value::TimestampNtz(t) => {
            lit(*t).cast(pl::DataType::Datetime(pl::TimeUnit::Microseconds, None))
        }
        Value::Array(items, elem) => {
            let values = items.iter().map(any_value).collect::<Result<Vec<_>>>()?;
            let t = to_polars(elem);
            let s = pl::Series::from_any_values_and_dtype("".into(), &values, &t, true)?;
            lit(pl::Scalar::new(pl::DataType::List(Box::new(t)), pl::AnyValue::List(s)))
        }
        Value::DayTimeInterval(us, _, _) => lit(*us).cast(pl::DataType::Duration(pl::TimeUnit::Microseconds)),
        Value::YearMonthInterval(m, _, _) => lit(*m),
    })
}

/// A constant array's element as a Polars value.
fn any_value(v: &Value) -> Result<pl::AnyValue<'static>> {
    Ok(match v {
        Value::Null => pl::AnyValue::Null,
        Value::Boolean(b) => pl::AnyValue::Boolean(*b),
        Value::Byte(x) => pl::AnyValue::Int8(*x),
        Value::Short(x) => pl::AnyValue::Int16(*x),
        Value::Integer(x) => pl::AnyValue::Int32(*x),
        Value::Long(x) => pl::AnyValue::Int64(*x),
        Value::Float(x) => pl::AnyValue::Float32(*x),
        Value::Double(x) => pl::AnyValue::Float64(*x),
        Value::Decimal(u, p, s) => pl::AnyValue::Decimal(*u, *p as usize, *s as usize),
        Value::String(s) => pl::AnyValue::StringOwned(s.as_str().into()),
        Value::Binary(b) => pl::AnyValue::BinaryOwned(b.clone()),
        Value::Date(d) => pl::AnyValue::Date(*d),
        _ => return Err(Error::unsupported(format!("array literals of {}", v.data_type().simple_string()))),
    })
}

/// Lists of at least this many literals are one hash-set lookup instead of an OR of
/// equalities: TPC-DS q8's 400 zip codes compared one by one cost 400 string
/// comparisons a row. Shorter lists stay equalities, which Polars prunes row groups by.
const IS_IN_MIN_ITEMS: usize = 8;

/// The items of `target IN (items)` as one Series, when they are at least
/// `IS_IN_MIN_ITEMS` non-NULL literals of the target's type, of a type whose Polars
/// equality is Spark's (integers, strings, dates: not floats, where Spark's NaN equals
/// NaN, nor decimals of other scales).
fn literal_set(target: &Expr, list: &[Expr]) -> Result<Option<pl::Series>> {
    use DataType as D;
    let t = data_type(target);
    if list.len() < IS_IN_MIN_ITEMS || !matches!(t, D::Byte | D::Short | D::Integer | D::Long | D::String | D::Date) {
        return Ok(None);
    }
    let mut values = Vec::with_capacity(list.len());
    for item in list {
        match item.unalias() {
            Expr::Literal(v) if !matches!(v, Value::Null) && v.data_type() == t => values.push(any_value(v)?),
            _ => return Ok(None),
        }
    }
    Ok(Some(pl::Series::from_any_values_and_dtype("".into(), &values, &to_polars(&t), true)?))
}

/// The OR of `terms` as a balanced tree. Polars' optimizer walks an expression once per
/// level in places: a chain of the 400 equalities of TPC-DS q8's `IN` list, 400 deep,
/// took it 40 s on the dev build; balanced, it is 9 deep.
fn balanced_or(mut terms: Vec<pl::Expr>) -> pl::Expr {
    if terms.is_empty() {
        return lit(false);
    }
    while terms.len() > 1 {
        let mut next = Vec::with_capacity(terms.len().div_ceil(2));
        let mut it = terms.into_iter();
        while let Some(a) = it.next() {
            next.push(match it.next() {
                Some(b) => a.or(b),
                None => a,
            });
        }
        terms = next;
    }
    terms.pop().expect("one term left")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_comparisons_and_connectives_of_columns_and_literals_cannot_fail() {
        let x = || Expr::Literal(Value::Integer(1));
        assert!(cannot_fail(&Expr::binary(BinaryOp::And, Expr::binary(BinaryOp::Lt, x(), x()), Expr::Not(Box::new(Expr::IsNull(Box::new(x())))))));
        assert!(!cannot_fail(&Expr::binary(BinaryOp::Gt, Expr::binary(BinaryOp::Divide, x(), x()), x())));
        let cast = |to: DataType| Expr::Cast { expr: Box::new(x()), to, kind: CastKind::Cast };
        // Up-casts among numbers cannot fail; narrowing and text casts can.
        assert!(cannot_fail(&cast(DataType::Long)) && cannot_fail(&cast(DataType::Decimal(12, 2))) && cannot_fail(&cast(DataType::Double)));
        assert!(!cannot_fail(&cast(DataType::Byte)) && !cannot_fail(&cast(DataType::Decimal(9, 2))) && !cannot_fail(&cast(DataType::Date)));
    }
}
