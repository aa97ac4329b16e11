#pragma once
// The gallery's date section: a date field, a date-time field and a bounded date field.
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

struct KitDates {
    DateFieldModel date;
    DateTimeFieldModel date_time;
    // The year-end weeks, where closed days and holidays sit close together.
    DateFieldModel bounded{DateBounds{calendar::Date{2026, 12, 1}, calendar::Date{2027, 1, 31}}};
};

void draw_kit_dates(KitDates& kit, i18n::Language language, bool wareki, calendar::Instant now);

}  // namespace madoguchi::client
