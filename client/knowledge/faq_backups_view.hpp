#pragma once
// ナレッジ's チャットボットFAQ tab: the export button, the backups kept with download and
// restore (the restore asks for a reason and a confirm).
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
struct KnowledgePage;

void draw_faq_backups(App& app, KnowledgePage& page, i18n::Language language);

}  // namespace madoguchi::client
