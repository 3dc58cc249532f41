//! The names java.time prints for a zone (`z`, `zzzz`, `v`, `vvvv` in the US locale),
//! from a table recorded from Spark (`zone_names_table.rs`). Daylight names apply
//! when the offset is the larger of the year's two; a fixed offset prints its id;
//! a zone without names prints its offset as `GMT+01:00`, as CLDR's fallback does.

use super::calendar::{days_from_civil, civil_from_days, SECONDS_PER_DAY};
use super::timezone::Zone;
use super::zone_names_table::ZONE_NAMES;

fn names(id: &str) -> Option<&'static [&'static str; 6]> {
    ZONE_NAMES.binary_search_by(|(z, _)| z.cmp(&id)).ok().map(|i| &ZONE_NAMES[i].1)
}

/// The text of a zone at a UTC instant with the offset in effect then.
pub fn zone_text(zone: &Zone, utc_seconds: i64, offset: i32, full: bool, generic: bool) -> String {
    let id = zone.id();
    if matches!(zone, Zone::Fixed { .. }) && (id.starts_with(['+', '-']) || id == "Z") {
        return id.to_string();
    }
    let Some(n) = names(id) else {
        let mut out = String::new();
        super::datetime_format::push_localized_offset(&mut out, offset, true);
        return out;
    };
    let index = if generic {
        4
    } else {
        // Daylight saving time: the larger of the offsets of January and July.
        let (year, _, _) = civil_from_days(utc_seconds.div_euclid(SECONDS_PER_DAY));
        let jan = zone.offset_at(days_from_civil(year, 1, 1) * SECONDS_PER_DAY);
        let jul = zone.offset_at(days_from_civil(year, 7, 1) * SECONDS_PER_DAY);
        if jan != jul && offset == jan.max(jul) { 2 } else { 0 }
    };
    n[index + usize::from(full)].to_string()
}
