#pragma once
// Table loan_terms: the published versions of each form's terms of use (利用規約).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "lending/terms.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct TermsVersion {
    std::string form;
    std::int64_t version = 0;
    madoguchi::lending::TermsText text;
    std::string published_by;
    std::string published_at;
};

nlohmann::json to_json(const TermsVersion& terms);

// The newest version of the form's terms; empty before the first is published.
store::Result<std::optional<TermsVersion>> current_terms(store::Database& database, const std::string& form);
// Publishes the next version; answers it.
store::Result<TermsVersion> publish_terms(store::Database& database, const std::string& form,
                                          const madoguchi::lending::TermsText& text, const std::string& actor,
                                          calendar::Instant now);

}  // namespace madoguchi::server::lending
