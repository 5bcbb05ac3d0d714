//! Measures: a figure with a unit ("5 kilometres", "40km", "a 40-kilometre stretch", "-5°C"),
//! the value as written and the unit as its canonical symbol, never converted.

use super::Sent;

/// Single-word units (lower case) and their symbols.
fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "mile" | "miles" => "mi",
        "ft" | "foot" | "feet" => "ft",
        "inch" | "inches" => "in",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => "kg",
        "gram" | "grams" | "gramme" | "grammes" => "g",
        "tonne" | "tonnes" | "ton" | "tons" => "t",
        "lb" | "lbs" => "lb",
        "hectare" | "hectares" | "ha" => "ha",
        "acre" | "acres" => "acre",
        "litre" | "litres" | "liter" | "liters" => "L",
        "barrel" | "barrels" | "bbl" => "bbl",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "knot" | "knots" => "kn",
        _ => return None,
    })
}

/// The unit after a figure, starting at token `i`: its symbol and the token after it. Handles
/// glued ("5km"), hyphenated ("40-kilometre") and several-word units ("square kilometres",
/// "degrees Celsius", "km/h").
pub(crate) fn unit_at(s: &Sent<'_>, i: usize) -> Option<(&'static str, usize)> {
    // "40-kilometre": a hyphen glued on both sides.
    if s.dash(i) && s.glued(i) && s.glued(i + 1) && s.is_word(i + 1) {
        return unit_at(s, i + 1).filter(|&(_, end)| end == i + 2 || s.lw(i + 1) != "square");
    }
    if s.p(i, '°') || s.p(i, 'º') {
        return match s.word(i + 1) {
            Some("c") if s.glued(i + 1) => Some(("°C", i + 2)),
            Some("f") if s.glued(i + 1) => Some(("°F", i + 2)),
            _ => None,
        };
    }
    let w = s.word(i)?;
    let next = s.lw(i + 1);
    match w {
        "degree" | "degrees" => {
            return match next {
                "celsius" | "centigrade" | "c" => Some(("°C", i + 2)),
                "fahrenheit" | "f" => Some(("°F", i + 2)),
                _ => Some(("°", i + 1)),
            }
        }
        // "12C", "-5F": the British way of writing temperatures, glued and upper case.
        "c" | "f" if s.glued(i) && s.cap(i) && i > 0 && s.is_num(i - 1) => {
            return Some((if w == "c" { "°C" } else { "°F" }, i + 1));
        }
        "square" | "sq" => {
            let (u, end) = unit_at(s, i + 1)?;
            return match u {
                "km" => Some(("km²", end)),
                "mi" => Some(("mi²", end)),
                "m" => Some(("m²", end)),
                _ => None,
            };
        }
        "metric" if matches!(next, "ton" | "tons" | "tonne" | "tonnes") => return Some(("t", i + 2)),
        "nautical" if matches!(next, "mile" | "miles") => return Some(("nmi", i + 2)),
        "kilowatt" if s.dash(i + 1) && matches!(s.lw(i + 2), "hour" | "hours") => return Some(("kWh", i + 3)),
        "kilowatt" if matches!(next, "hour" | "hours") => return Some(("kWh", i + 2)),
        "km" if s.p(i + 1, '/') && s.w(i + 2, "h") => return Some(("km/h", i + 3)),
        "km" if s.glued(i + 1) && (s.raw(i + 1) == "2" || s.p(i + 1, '²')) => return Some(("km²", i + 2)),
        "miles" | "mile" if next == "per" && s.w(i + 2, "hour") => return Some(("mph", i + 3)),
        "kilometres" | "kilometers" | "kilometre" | "kilometer" if next == "per" && s.w(i + 2, "hour") => {
            return Some(("km/h", i + 3))
        }
        // Glued single letters are units only glued: "5m", "5g", "5t", "5l".
        "m" | "g" | "l" | "t" => {
            return (s.glued(i) && s.raw(i).starts_with(char::is_lowercase)).then_some((
                match w {
                    "m" => "m",
                    "g" => "g",
                    "l" => "L",
                    _ => "t",
                },
                i + 1,
            ))
        }
        _ => {}
    }
    unit_word(w).map(|u| (u, i + 1))
}

/// Whether a unit measures temperature (a minus sign before its figure belongs to the value).
pub(crate) fn is_temperature(unit: &str) -> bool {
    unit == "°C" || unit == "°F" || unit == "°"
}
