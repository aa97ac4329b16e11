#pragma once
// What is wrong with a form, per field and as a whole: problems the client found itself (a
// catalog key per field, from the shared validation) and those the server answered (a 422's
// `fields`, or another error for the whole form), shown in the user's language.
#include <map>
#include <string>
#include <string_view>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class FormErrors {
public:
    void clear();
    // A problem found on the client: `reason_key` is a catalog key ("field.required").
    void add_local(std::string_view field, std::string_view reason_key);
    // A failed answer: its fields go beside them, anything else becomes the general error.
    void add_result(const ApiResult& result);

    bool empty() const { return local_.empty() && server_.empty() && general_.code.empty(); }
    // The field's problem in `language`; empty when none.
    std::string field(std::string_view name, i18n::Language language) const;
    // The error not tied to one field (a 409, the network), in `language`; empty when none.
    std::string general(i18n::Language language) const;
    const std::string& general_code() const { return general_.code; }

private:
    std::map<std::string, std::string, std::less<>> local_;   // field -> catalog key
    std::map<std::string, std::string, std::less<>> server_;  // field -> English from the API
    api::ApiError general_;
};

// message_ja in Japanese (message when it has none), message in English.
std::string error_text(const api::ApiError& error, i18n::Language language);

}  // namespace madoguchi::client
