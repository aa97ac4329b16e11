#pragma once
// The 文書 tab: each document with its kind and versions, newest first, each with a download
// button where the platform can save files; for writers, uploads of a new document or a new
// version through the platform's file chooser.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class DocumentList;

void draw_documents_tab(App& app, DocumentList& documents, bool may_edit, i18n::Language language);

}  // namespace madoguchi::client
