#include "ui/month_grid.hpp"

#include <algorithm>

#include "calendar/business_calendar.hpp"
#include "calendar/holidays.hpp"

namespace madoguchi::client {
namespace {

using calendar::Date;

// The picker never leaves the years whose holidays are known.
DateBounds supported_within(const DateBounds& bounds) {
    DateBounds result = bounds;
    if (!result.minimum || *result.minimum < calendar::first_supported_date) result.minimum = calendar::first_supported_date;
    if (!result.maximum || calendar::last_supported_date < *result.maximum) result.maximum = calendar::last_supported_date;
    return result;
}

Date with_months_added(const Date& date, int months) {
    const int index = date.year * 12 + (date.month - 1) + months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    const int day = std::min(date.day, calendar::days_in_month(year, month));
    return {year, month, day};
}

}  // namespace

std::string_view day_kind_value(DayKind kind) {
    switch (kind) {
        case DayKind::weekday: return "";
        case DayKind::saturday: return "saturday";
        case DayKind::sunday: return "sunday";
        case DayKind::holiday: return "holiday";
        case DayKind::closed: return "closed";
    }
    return "";
}

DayCell describe_day(const Date& date) {
    DayCell cell;
    cell.date = date;
    cell.business_day = calendar::is_supported(date) && calendar::is_business_day(date);
    const auto weekday = calendar::weekday_of(date);
    if (const auto holiday = calendar::holiday_on(date)) {
        cell.kind = DayKind::holiday;
        cell.holiday_ja = holiday->name_ja;
        cell.holiday_en = holiday->name_en;
    } else if ((date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3)) {
        cell.kind = DayKind::closed;
    } else if (weekday == calendar::Weekday::sunday) {
        cell.kind = DayKind::sunday;
    } else if (weekday == calendar::Weekday::saturday) {
        cell.kind = DayKind::saturday;
    }
    return cell;
}

void DatePickerModel::open(std::optional<Date> value, const Date& today, const DateBounds& bounds) {
    bounds_ = supported_within(bounds);
    focused_ = bounds_.clamp(value.value_or(today));
}

void DatePickerModel::focus(const Date& date) { focused_ = bounds_.clamp(date); }

void DatePickerModel::move_days(int days) { focus(calendar::add_days(focused_, days)); }

void DatePickerModel::move_months(int months) { focus(with_months_added(focused_, months)); }

bool DatePickerModel::can_move_months(int months) const {
    const auto target = with_months_added(focused_, months);
    const Date first{target.year, target.month, 1};
    const Date last{target.year, target.month, calendar::days_in_month(target.year, target.month)};
    return !(last < *bounds_.minimum) && !(*bounds_.maximum < first);
}

DatePickerModel::Outcome DatePickerModel::press(Key key) {
    switch (key) {
        case Key::left: move_days(-1); break;
        case Key::right: move_days(1); break;
        case Key::up: move_days(-7); break;
        case Key::down: move_days(7); break;
        case Key::page_up: move_months(-1); break;
        case Key::page_down: move_months(1); break;
        case Key::year_up: move_years(-1); break;
        case Key::year_down: move_years(1); break;
        case Key::enter: return pick(focused_) ? Outcome::picked : Outcome::none;
        case Key::escape: return Outcome::closed;
    }
    return Outcome::none;
}

bool DatePickerModel::pick(const Date& date) {
    if (!bounds_.contains(date)) return false;
    focused_ = date;
    picked_ = date;
    return true;
}

MonthGrid DatePickerModel::grid(const Date& today, std::optional<Date> selected) const {
    MonthGrid grid;
    grid.year = focused_.year;
    grid.month = focused_.month;
    const Date first{grid.year, grid.month, 1};
    const auto lead = static_cast<int>(calendar::weekday_of(first));  // Sunday is 0
    const auto start = calendar::add_days(first, -lead);
    for (int i = 0; i < static_cast<int>(grid.cells.size()); ++i) {
        auto cell = describe_day(calendar::add_days(start, i));
        cell.in_month = cell.date.month == grid.month;
        cell.today = cell.date == today;
        cell.selected = selected && cell.date == *selected;
        cell.focused = cell.date == focused_;
        cell.enabled = bounds_.contains(cell.date);
        grid.cells[static_cast<std::size_t>(i)] = cell;
    }
    return grid;
}

}  // namespace madoguchi::client
