#include "notifications/relative_time.hpp"

#include "ui/format.hpp"

namespace madoguchi::client {

std::string format_relative_time(calendar::Instant then, calendar::Instant now, i18n::Language language) {
    const auto seconds = now.unix_seconds - then.unix_seconds;
    // A clock a little behind the server's still reads "just now", not "in 10 seconds".
    if (seconds < 60) return i18n::text("notifications_inbox.time.just_now", language);
    if (seconds < 3600) {
        return fill_template(i18n::text("notifications_inbox.time.minutes_ago", language),
                             {{"count", std::to_string(seconds / 60)}});
    }
    const auto at = calendar::to_tokyo(then);
    const auto today = calendar::to_tokyo(now).date;
    const auto clock = format_clock(at.second_of_day / 60);
    if (seconds < 6 * 3600 || at.date == today) {
        return fill_template(i18n::text("notifications_inbox.time.hours_ago", language),
                             {{"count", std::to_string(seconds / 3600)}});
    }
    if (calendar::add_days(at.date, 1) == today) {
        return fill_template(i18n::text("notifications_inbox.time.yesterday", language), {{"time", clock}});
    }
    const auto pattern = at.date.year == today.year ? "notifications_inbox.time.this_year" : "notifications_inbox.time.other_year";
    return fill_template(i18n::text(pattern, language), {{"year", std::to_string(at.date.year)},
                                                         {"month", std::to_string(at.date.month)},
                                                         {"day", std::to_string(at.date.day)},
                                                         {"time", clock}});
}

}  // namespace madoguchi::client
