#pragma once
// Date and date-time fields: a text field that takes typed dates (client/ui/date_input.hpp),
// a button that opens a month calendar marking weekends, holidays (name as tooltip) and the
// year-end closure, and for date-times a time field with steps. Items: the field as role
// "date"/"datetime" with the ISO date/instant as value, each calendar day as role "day"
// labelled with its ISO date and valued with its kind.
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

// Both return true on the frame the value changes.
bool date_field(const char* label, DateFieldModel& model, i18n::Language language, bool wareki,
                const calendar::Date& today);
bool datetime_field(const char* label, DateTimeFieldModel& model, i18n::Language language, bool wareki,
                    const calendar::Date& today);

}  // namespace madoguchi::client
