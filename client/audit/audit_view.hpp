#pragma once
// 監査ログ: filters (a date range, actor, action, object), the records newest first a page at
// a time, the picked record's before/after as a field-by-field comparison (changed fields
// highlighted), チェーン検証, and CSV エクスポート where the platform can download.
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

void draw_audit_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
