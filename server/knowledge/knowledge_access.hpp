#pragma once
// Who reads and writes knowledge: the desk (operators) and the IT office write; they,
// auditors and admins read every article, draft or not; staff and managers read only what is
// published for staff, and anything else does not exist for them (404).
#include "http/router.hpp"
#include "identity/principal.hpp"
#include "knowledge/article_store.hpp"

namespace madoguchi::server::knowledge {

http::Access knowledge_writers();
http::Access knowledge_readers();      // everyone who reads articles, staff included
http::Access knowledge_desk_readers();  // who reads every article, its versions and the FAQ backups

// Reads every article (not only the published staff ones).
bool reads_everything(const identity::Principal& principal);
bool may_read(const identity::Principal& principal, const ArticleRow& article);

}  // namespace madoguchi::server::knowledge
