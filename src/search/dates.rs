//! Dates in queries and options: `2024`, `2024-10`, `2024-10-05` as spans of calendar days, and
//! the `published:` forms built from them (`[A TO B]`, `{A TO B}`, `>=A`, `<B`, a single span).

use std::ops::Bound;

use chrono::NaiveDate;

use super::query::{Node, ParseError, err};

/// Parses `2024`, `2024-10` or `2024-10-05` into the first and last day it covers.
pub fn parse_day_span(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [y, m, d] if y.len() == 4 => {
            // Accept a full timestamp's date part (`2024-10-05T10:00:00Z`).
            let d = d.split(['T', 't', ' ']).next()?;
            let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

fn bad_date(text: &str, position: usize) -> ParseError {
    ParseError {
        message: format!("`{text}` is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"),
        position,
    }
}

pub(super) fn single_date(text: &str, position: usize) -> Result<Node, ParseError> {
    let (op, rest) = if let Some(r) = text.strip_prefix(">=") {
        (">=", r)
    } else if let Some(r) = text.strip_prefix("<=") {
        ("<=", r)
    } else if let Some(r) = text.strip_prefix('>') {
        (">", r)
    } else if let Some(r) = text.strip_prefix('<') {
        ("<", r)
    } else {
        ("=", text)
    };
    let (first, last) = parse_day_span(rest).ok_or_else(|| bad_date(text, position))?;
    let (lower, upper) = match op {
        ">=" => (Bound::Included(first), Bound::Unbounded),
        ">" => (Bound::Excluded(last), Bound::Unbounded),
        "<=" => (Bound::Unbounded, Bound::Included(last)),
        "<" => (Bound::Unbounded, Bound::Excluded(first)),
        _ => (Bound::Included(first), Bound::Included(last)),
    };
    Ok(Node::DateRange { lower, upper })
}

pub(super) fn date_range(
    text: &str,
    lower_inclusive: bool,
    upper_inclusive: bool,
    position: usize,
) -> Result<Node, ParseError> {
    let Some((a, b)) = text.split_once(" TO ") else {
        return err(
            position,
            "a range is written published:[A TO B] (`TO` in capitals)",
        );
    };
    let bound = |s: &str, lower: bool, inclusive: bool| -> Result<Bound<NaiveDate>, ParseError> {
        let s = s.trim();
        if s == "*" {
            return Ok(Bound::Unbounded);
        }
        let (first, last) = parse_day_span(s).ok_or_else(|| bad_date(s, position))?;
        Ok(match (lower, inclusive) {
            (true, true) => Bound::Included(first),
            (true, false) => Bound::Excluded(last),
            (false, true) => Bound::Included(last),
            (false, false) => Bound::Excluded(first),
        })
    };
    Ok(Node::DateRange {
        lower: bound(a, true, lower_inclusive)?,
        upper: bound(b, false, upper_inclusive)?,
    })
}
