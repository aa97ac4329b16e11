#pragma once
// 承認待ち of チケット管理: each waiting ticket with its decisions as buttons and a comment
// field for the reason of a rejection or a return.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class ApprovalQueue;

void draw_approval_queue(App& app, ApprovalQueue& queue, i18n::Language language);

}  // namespace madoguchi::client
