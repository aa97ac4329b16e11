#pragma once
// The header's bell (通知) with the unread count, and the panel it opens: the user's
// notifications newest first, unread ones marked, "すべて既読にする", and a click on one opens
// its ticket where the user works on tickets (the desk's チケット管理, staff's 自分の問い合わせ).
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

void draw_notification_bell(App& app, calendar::Instant now);

}  // namespace madoguchi::client
