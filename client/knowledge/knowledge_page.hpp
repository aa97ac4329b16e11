#pragma once
// ナレッジ's page state: the article list with its search, the editor of the article picked
// there (or a new one), and the chatbot FAQ's exports.
#include "knowledge/article_editor.hpp"
#include "knowledge/faq_backups.hpp"
#include "knowledge/knowledge_list.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

struct KnowledgePage {
    explicit KnowledgePage(i18n::Language language) : list(language) {}

    KnowledgeList list;
    ArticleEditor editor;
    FaqBackups backups;
    ConfirmDialog confirm;  // a version's or a backup's restore
    std::int64_t followed = 0;  // the list's article the editor last opened
    bool started = false;
};

}  // namespace madoguchi::client
