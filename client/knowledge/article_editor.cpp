#include "knowledge/article_editor.hpp"

#include <array>

namespace madoguchi::client {
namespace {

namespace domain = knowledge;

const domain::ArticleVersion* version_numbered(const std::vector<domain::ArticleVersion>& versions, std::int64_t number) {
    for (const auto& version : versions) {
        if (version.version == number) return &version;
    }
    return nullptr;
}

}  // namespace

bool may_write_knowledge(std::span<const identity::Role> roles) {
    constexpr std::array writers{identity::Role::desk_operator, identity::Role::it_office};
    return identity::has_any_role(roles, writers);
}

void ArticleEditor::start_new() {
    mode_ = Mode::creating;
    entry_.reset();
    versions_.clear();
    question.clear();
    answer.clear();
    category.clear();
    audiences = {true, false, false};
    reason.clear();
    errors_.clear();
    stale_ = false;
    restoring_.reset();
}

void ArticleEditor::open(ApiClient& api, const ArticleEntry& entry) {
    if (!entry_ || entry_->id != entry.id) {
        stale_ = false;
        versions_.clear();
        restoring_.reset();
    }
    mode_ = Mode::editing;
    show(entry);
    api_ = &api;
    load_versions(api);
}

void ArticleEditor::close() {
    mode_ = Mode::closed;
    entry_.reset();
    versions_.clear();
    restoring_.reset();
    errors_.clear();
}

void ArticleEditor::show(const ArticleEntry& entry) {
    entry_ = entry;
    question = entry.current.question;
    answer = entry.current.answer;
    category = entry.current.category;
    const auto& all = domain::all_audiences();
    for (std::size_t index = 0; index < all.size(); ++index) {
        audiences[index] = domain::has_audience(entry.current.audiences, all[index]);
    }
    reason.clear();
    errors_.clear();
}

domain::ArticleDraft ArticleEditor::draft() const {
    domain::ArticleDraft draft{question, answer, category, {}};
    const auto& all = domain::all_audiences();
    for (std::size_t index = 0; index < all.size(); ++index) {
        if (audiences[index]) draft.audiences.emplace_back(domain::audience_name(all[index]));
    }
    return draft;
}

bool ArticleEditor::check() {
    errors_.clear();
    for (const auto& problem : domain::validate(draft())) errors_.add_local(problem.field, problem.reason_key);
    for (const auto& problem : domain::validate_reason(reason)) errors_.add_local(problem.field, problem.reason_key);
    return errors_.empty();
}

bool ArticleEditor::save(ApiClient& api) {
    if (mode_ == Mode::closed || busy_) return false;
    stale_ = false;
    if (!check()) return false;
    const auto written = draft();
    nlohmann::json body{{"question", written.question}, {"answer", written.answer}, {"category", written.category},
                        {"audiences", written.audiences}};
    if (mode_ == Mode::creating) {
        send(api, "POST", "/api/v1/knowledge/articles", std::move(body));
        return true;
    }
    const auto& current = entry_->current;
    if (written.question == current.question && written.answer == current.answer && written.category == current.category &&
        domain::audiences_of(written.audiences) == current.audiences) {
        errors_.add_local("article", "field.no_article_change");
        return false;
    }
    body["version"] = current.version;
    if (!reason.empty()) body["reason"] = reason;
    send(api, "PATCH", article_path(entry_->id), std::move(body));
    return true;
}

bool ArticleEditor::move(ApiClient& api, domain::ArticleState to) {
    if (!entry_ || busy_ || !domain::may_move(entry_->current.state, to)) return false;
    errors_.clear();
    stale_ = false;
    send(api, "POST", article_path(entry_->id) + "/transitions",
         {{"to", domain::state_name(to)}, {"version", entry_->current.version}});
    return true;
}

bool ArticleEditor::confirm_restore(ApiClient& api) {
    if (!entry_ || !restoring_ || busy_) return false;
    errors_.clear();
    stale_ = false;
    nlohmann::json body{{"version_number", *restoring_}, {"version", entry_->current.version}};
    if (!reason.empty()) body["reason"] = reason;
    restoring_.reset();
    send(api, "POST", article_path(entry_->id) + "/restore", std::move(body));
    return true;
}

void ArticleEditor::send(ApiClient& api, std::string method, std::string path, nlohmann::json body) {
    busy_ = true;
    api_ = &api;
    const auto id = entry_ ? entry_->id : 0;
    api.send({std::move(method), std::move(path), body.dump(), {}}, [this, id](const ApiResult& result) {
        if ((entry_ ? entry_->id : 0) != id) {  // another article was opened meanwhile
            busy_ = false;
            return;
        }
        accept_change(result);
    });
}

void ArticleEditor::load_versions(ApiClient& api) {
    const auto id = entry_->id;
    api.get(article_path(id), [this, id](const ApiResult& result) {
        if (entry_ && entry_->id == id) accept_detail(result);
    });
}

void ArticleEditor::accept_detail(const ApiResult& result) {
    if (!result.ok()) return errors_.add_result(result);
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    versions_.clear();
    if (!document.is_object() || !document.contains("versions") || !document["versions"].is_array()) return;
    for (const auto& json : document["versions"]) {
        if (auto version = domain::version_from_json(json)) versions_.push_back(std::move(*version));
    }
    to = versions_.empty() ? 0 : versions_.front().version;
    from = versions_.size() > 1 ? versions_[1].version : to;
}

void ArticleEditor::accept_change(const ApiResult& result) {
    busy_ = false;
    if (result.ok() || (result.status == 409 && result.error.code == "stale_version")) {
        if (auto entry = answered_article(result.body)) {
            stale_ = !result.ok();
            saved_ = result.ok();
            mode_ = Mode::editing;
            show(*entry);
            updated_ = *entry;
            if (api_ != nullptr) load_versions(*api_);
            return;
        }
    }
    errors_.add_result(result);
}

std::vector<domain::FieldDiff> ArticleEditor::diff() const {
    const auto* older = version_numbered(versions_, from);
    const auto* newer = version_numbered(versions_, to);
    if (older == nullptr || newer == nullptr) return {};
    return domain::article_diff(*older, *newer);
}

}  // namespace madoguchi::client
