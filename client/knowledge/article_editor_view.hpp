#pragma once
// The editor pane of ナレッジ: the article's form with inline problems, publish / unpublish,
// its versions with who, when and why, the line diff of two of them, and restore.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
struct KnowledgePage;

void draw_article_editor(App& app, KnowledgePage& page, bool may_write, i18n::Language language);

}  // namespace madoguchi::client
