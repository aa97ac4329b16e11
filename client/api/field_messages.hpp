#pragma once
// The API names a field's problem in English ("fields": {"login": "is already taken"}); the
// same sentence is a "field.*" text of the shared catalog, so the client shows it in the
// user's language. Unknown sentences are shown as sent.
#include <map>
#include <string>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

std::string field_message(const std::string& english, i18n::Language language);

// Every field of a 422 in `language`.
std::map<std::string, std::string, std::less<>> field_messages(const std::map<std::string, std::string>& fields,
                                                               i18n::Language language);

}  // namespace madoguchi::client
