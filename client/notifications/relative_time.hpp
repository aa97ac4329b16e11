#pragma once
// When something happened, as a person reads it on a list: "たった今", "5分前", "3時間前",
// "昨日 14:05", "11月20日 9:30", or the full date from another year; days counted in
// Asia/Tokyo, whatever the machine's time zone.
#include <string>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

std::string format_relative_time(calendar::Instant then, calendar::Instant now, i18n::Language language);

}  // namespace madoguchi::client
