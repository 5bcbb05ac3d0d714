//! Measures: a figure with a unit ("5 kilometres", "40km", "a 40-kilometre stretch", "-5°C"),
//! the value as written and the unit as its canonical symbol, never converted.

use super::Sent;
use crate::lexicon::Lexicon;

/// Single-word units (lower case) and their symbols.
fn unit_word(w: &str) -> Option<&'static str> {
    UNIT_WORDS.value(w).map(|k| UNIT_SYMBOLS[usize::from(k)])
}

static UNIT_WORDS: Lexicon = Lexicon::new(
    "km=0 kms=0 kilometre=0 kilometres=0 kilometer=0 kilometers=0 metre=1 metres=1 meter=1 meters=1 cm=2 \
     centimetre=2 centimetres=2 centimeter=2 centimeters=2 mm=3 millimetre=3 millimetres=3 millimeter=3 \
     millimeters=3 mile=4 miles=4 ft=5 foot=5 feet=5 inch=6 inches=6 kg=7 kgs=7 kilogram=7 kilograms=7 \
     kilogramme=7 kilogrammes=7 kilo=7 kilos=7 gram=8 grams=8 gramme=8 grammes=8 tonne=9 tonnes=9 ton=9 \
     tons=9 lb=10 lbs=10 hectare=11 hectares=11 ha=11 acre=12 acres=12 litre=13 litres=13 liter=13 \
     liters=13 barrel=14 barrels=14 bbl=14 mw=15 megawatt=15 megawatts=15 gw=16 gigawatt=16 gigawatts=16 \
     kw=17 kilowatt=17 kilowatts=17 kwh=18 gwh=19 twh=20 mph=21 kph=22 kmh=22 knot=23 knots=23",
);

/// What each entry of [`UNIT_WORDS`] stands for, by its number.
pub(super) const UNIT_SYMBOLS: [&str; 24] = [
    "km", "m", "cm", "mm", "mi", "ft", "in", "kg", "g", "t", "lb", "ha", "acre", "L", "bbl", "MW", "GW", "kW", "kWh",
    "GWh", "TWh", "mph", "km/h", "kn",
];

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
