#pragma once
// ナレッジ: the desk's articles (search, audience and state filters, solved counts) with the
// editor of the one picked, its versions, diff and restore; and the chatbot FAQ's export with
// its backups and their restore.
namespace madoguchi::client {

class App;

void draw_knowledge_page(App& app);

}  // namespace madoguchi::client
