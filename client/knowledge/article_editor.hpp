#pragma once
// ナレッジ's editor for one article (or a new one): the form checked with the shared
// knowledge::validate before sending (marks beside the fields), saved under the version it was
// read at; publishing and unpublishing; the versions with who, when and why, a line diff of
// two chosen versions (the shared article_diff, as the server's diff endpoint), and a restore
// of an earlier version after a confirm. A 409 stale_version answer carries the article as
// another user saved it: the form shows that and says so.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "knowledge/article_diff.hpp"
#include "identity/role.hpp"
#include "knowledge/article_entry.hpp"

namespace madoguchi::client {

class ArticleEditor {
public:
    enum class Mode { closed, creating, editing };

    // A blank form for a new article (for staff by default).
    void start_new();
    // Shows `entry` and asks for its versions; unsaved typing is dropped.
    void open(ApiClient& api, const ArticleEntry& entry);
    void close();
    Mode mode() const { return mode_; }
    const ArticleEntry* entry() const { return entry_ ? &*entry_ : nullptr; }

    // The form.
    std::string question;
    std::string answer;
    std::string category;
    std::array<bool, 3> audiences{};  // by knowledge::all_audiences() order
    std::string reason;               // why this change (kept with the version)

    // Checks the form, marking each field's problem; true when it may be sent.
    bool check();
    // Sends the new article (POST) or the changes (PATCH with the version read). False when
    // nothing was sent (a problem, no change, or a request still running).
    bool save(ApiClient& api);
    // Publishes or unpublishes under the version read.
    bool move(ApiClient& api, knowledge::ArticleState to);

    // The versions, newest first; `from` / `to` choose the two compared.
    const std::vector<knowledge::ArticleVersion>& versions() const { return versions_; }
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::vector<knowledge::FieldDiff> diff() const;

    // Restore, asked for a version and confirmed (the view's ConfirmDialog).
    void ask_restore(std::int64_t number) { restoring_ = number; }
    std::optional<std::int64_t> restoring() const { return restoring_; }
    bool confirm_restore(ApiClient& api);
    void cancel_restore() { restoring_.reset(); }

    // Reads answers; public for tests with fixtures.
    void accept_detail(const ApiResult& result);
    void accept_change(const ApiResult& result);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    bool stale() const { return stale_; }
    // Once: the article as the server now has it, after a change or a 409.
    std::optional<ArticleEntry> take_updated() { return std::exchange(updated_, std::nullopt); }
    bool take_saved() { return std::exchange(saved_, false); }

private:
    void show(const ArticleEntry& entry);
    knowledge::ArticleDraft draft() const;
    void send(ApiClient& api, std::string method, std::string path, nlohmann::json body);
    void load_versions(ApiClient& api);

    Mode mode_ = Mode::closed;
    std::optional<ArticleEntry> entry_;
    std::vector<knowledge::ArticleVersion> versions_;
    std::optional<std::int64_t> restoring_;
    FormErrors errors_;
    bool busy_ = false;
    bool stale_ = false;
    bool saved_ = false;
    std::optional<ArticleEntry> updated_;
    ApiClient* api_ = nullptr;
};

// Operators and the IT office write articles and export the FAQ, as the API admits them.
bool may_write_knowledge(std::span<const identity::Role> roles);

}  // namespace madoguchi::client
