#include "inventory/ledger_references.hpp"

#include "identity/user.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::inventory {
namespace {

// Folded maker and name, with a separator neither can hold after folding.
std::string model_key(std::string_view maker, std::string_view name) {
    return text::fold_for_search(maker) + '\n' + text::fold_for_search(name);
}

}  // namespace

LedgerIndex::LedgerIndex(LedgerReferences references) : references_(std::move(references)) {
    for (std::size_t index = 0; index < references_.models.size(); ++index) {
        const auto& model = references_.models[index];
        model_by_maker_and_name_.emplace(model_key(model.maker, model.name), index);
        models_by_name_.emplace(text::fold_for_search(model.name), index);
    }
    for (const auto& location : references_.locations) {
        location_by_name_.emplace(text::fold_for_search(display_name(location)), location.id);
    }
    divisions_.insert(references_.division_codes.begin(), references_.division_codes.end());
    for (const auto& login : references_.logins) logins_.insert(madoguchi::identity::normalise_login(login));
}

LedgerIndex::ModelMatch LedgerIndex::model(std::string_view maker, std::string_view name) const {
    if (!maker.empty()) {
        const auto found = model_by_maker_and_name_.find(model_key(maker, name));
        if (found == model_by_maker_and_name_.end()) return {};
        return {Match::found, &references_.models[found->second]};
    }
    const auto [first, last] = models_by_name_.equal_range(text::fold_for_search(name));
    if (first == last) return {};
    if (std::next(first) != last) return {Match::ambiguous, nullptr};
    return {Match::found, &references_.models[first->second]};
}

std::int64_t LedgerIndex::location_id(std::string_view name) const {
    const auto found = location_by_name_.find(text::fold_for_search(name));
    return found == location_by_name_.end() ? 0 : found->second;
}

}  // namespace madoguchi::inventory
