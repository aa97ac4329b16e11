#include "tickets/demo_tickets.hpp"

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

#include "audit/audit_appender.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/ticket_store.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using calendar::Instant;
using domain::TicketKind;
using domain::TicketState;
using madoguchi::identity::Role;

struct Topic {
    const char* category;
    const char* title;
    bool about_device;  // linked to a device of the fleet when there is one
};

// What the desk hears about, per kind; titles mix kanji, katakana and Latin as staff write them.
constexpr std::array<Topic, 13> support_topics{{
    {"device", "複合機で紙詰まりが解消しない", true},
    {"device", "プリンターから印刷できない", true},
    {"device", "スキャナーで読み取りができない", true},
    {"device", "GSS端末が起動しない", true},
    {"device", "タブレットの画面が割れた", true},
    {"device", "トナー残量の警告が消えない", true},
    {"software", "Teamsで相手の音声が聞こえない", false},
    {"software", "Excelのマクロが動かない", false},
    {"software", "PC-Talkerの読み上げが止まる", false},
    {"service", "共有フォルダにアクセスできない", false},
    {"service", "Slackの通知が届かない", false},
    {"account", "パスワードを忘れた", false},
    {"other", "会議室のディスプレイへの接続方法", false},
}};
constexpr std::array<Topic, 3> problem_topics{{
    {"device", "複数フロアの複合機で紙詰まりが多発している", true},
    {"device", "特定機種のプリンターで印刷が遅延する", true},
    {"software", "Teams会議で音声が途切れる事象が続いている", false},
}};
constexpr std::array<Topic, 3> change_topics{{
    {"device", "複合機のファームウェア更新", true},
    {"software", "プリンタードライバーの更新配布", false},
    {"service", "共有フォルダのアクセス権設定の変更", false},
}};
constexpr std::array<Topic, 3> request_topics{{
    {"service", "カラー印刷の既定を白黒にしてほしい", false},
    {"service", "チャットボットにトナー交換手順を追加してほしい", false},
    {"other", "貸出用タブレットの台数を増やしてほしい", false},
}};
constexpr std::array<Topic, 4> security_topics{{
    {"service", "不審なメールの添付ファイルを開いてしまった", false},
    {"device", "USBメモリを紛失した", true},
    {"device", "ウイルス検知の通知が表示された", true},
    {"service", "フィッシングサイトにパスワードを入力した", false},
}};
constexpr std::array<Topic, 3> release_topics{{
    {"service", "チャットボット定期メンテナンス", false},
    {"software", "セキュリティパッチの適用", false},
    {"service", "職員向け操作マニュアルの改訂と周知", false},
}};

constexpr std::array<const char*, 6> places{"本館3階", "本館11階", "別館5階", "特許庁庁舎7階", "関東経済産業局2階",
                                            "九州経済産業局4階"};

// Per 100 tickets: most are inquiries and incidents, as at any desk.
constexpr std::array<std::pair<TicketKind, int>, 7> kind_shares{{
    {TicketKind::inquiry, 50},
    {TicketKind::incident, 25},
    {TicketKind::problem, 4},
    {TicketKind::change, 5},
    {TicketKind::request, 8},
    {TicketKind::security_incident, 3},
    {TicketKind::release, 5},
}};

std::span<const Topic> topics_of(TicketKind kind) {
    switch (kind) {
        case TicketKind::inquiry:
        case TicketKind::incident: return support_topics;
        case TicketKind::problem: return problem_topics;
        case TicketKind::change: return change_topics;
        case TicketKind::request: return request_topics;
        case TicketKind::security_incident: return security_topics;
        case TicketKind::release: return release_topics;
    }
    return support_topics;
}

struct Person {
    std::int64_t id = 0;
    std::string login;
    std::string division;
};

// mt19937_64's sequence is fixed by the standard: the same seed, the same tickets anywhere.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : engine_(seed) {}
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(engine_() % bound); }
    bool one_in(std::size_t n) { return below(n) == 0; }
    template <typename T>
    const T& pick(std::span<const T> values) { return values[below(values.size())]; }
    template <typename T>
    const T& pick(const std::vector<T>& values) { return values[below(values.size())]; }

private:
    std::mt19937_64 engine_;
};

struct Step {
    const domain::Transition* move;
    Instant at;
};

bool ends_badly(TicketState state) {
    return state == TicketState::cancelled || state == TicketState::rejected || state == TicketState::declined;
}

// The moves of one ticket from its workflow: forward to states not yet visited, now and then
// a cancellation or refusal, each some minutes to days after the last, none after `now`.
// An old ticket reaches its end; a recent one stops part way.
std::vector<Step> walk(TicketKind kind, Instant created, Instant now, Dice& dice) {
    const auto& workflow = domain::workflow_of(kind);
    const bool recent = now.unix_seconds - created.unix_seconds < 30 * 86400;
    const std::size_t most = recent ? dice.below(6) : 16;
    std::vector<Step> steps;
    std::vector<TicketState> visited{workflow.initial};
    auto state = workflow.initial;
    auto at = created;
    while (steps.size() < most && !domain::is_terminal(kind, state)) {
        std::vector<const domain::Transition*> forward, bad, back;
        for (const auto& move : workflow.transitions) {
            if (move.from != state) continue;
            if (ends_badly(move.to)) {
                bad.push_back(&move);
            } else if (std::find(visited.begin(), visited.end(), move.to) == visited.end()) {
                forward.push_back(&move);
            } else {
                back.push_back(&move);
            }
        }
        const domain::Transition* chosen = nullptr;
        if (!bad.empty() && (forward.empty() ? dice.one_in(8) : dice.one_in(80))) {
            chosen = dice.pick(bad);
        } else if (!forward.empty()) {
            chosen = dice.pick(forward);
        } else if (!back.empty()) {
            chosen = dice.pick(back);
        } else {
            break;
        }
        // 10 minutes to about 3 days later.
        at = Instant{at.unix_seconds + 600 + static_cast<std::int64_t>(dice.below(3 * 86400))};
        if (at > now) break;
        steps.push_back({chosen, at});
        state = chosen->to;
        visited.push_back(state);
    }
    return steps;
}

const char* comment_for(TicketState to) {
    switch (to) {
        case TicketState::waiting_requester: return "発生時刻と画面の表示内容を教えてください。";
        case TicketState::resolved: return "対応が完了しました。ご確認ください。";
        case TicketState::cancelled: return "依頼者から取り下げの連絡がありました。";
        case TicketState::rejected: return "計画の見直しが必要です。";
        case TicketState::declined: return "現行の契約範囲では対応できません。";
        default: return "対応内容を記録しました。";
    }
}

}  // namespace

store::Result<std::int64_t> seed_demo_tickets(store::Database& database, const DemoTicketPlan& plan,
                                              const audit::Actor& actor) {
    std::vector<Person> staff, desk, it_office;
    auto people = database.prepare(
        "SELECT u.id, u.login, u.division_code, r.role FROM users u JOIN user_roles r ON r.user_id = u.id "
        "WHERE r.role IN ('staff', 'operator', 'it_office') AND u.disabled = 0 ORDER BY u.id, r.role");
    if (!people) return store::Error{people.error()};
    while (true) {
        auto row = people.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& p = people.value();
        const auto role = p.column_text(3);
        auto& group = role == "staff" ? staff : role == "operator" ? desk : it_office;
        group.push_back({p.column_int(0), p.column_text(1), p.column_text(2)});
    }
    if (staff.empty() || desk.empty() || it_office.empty()) {
        return store::Error{"demo tickets need staff, desk operators and the IT office"};
    }
    std::vector<std::int64_t> devices;
    auto fleet = database.prepare("SELECT id FROM devices ORDER BY id");
    if (!fleet) return store::Error{fleet.error()};
    while (true) {
        auto row = fleet.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        devices.push_back(fleet.value().column_int(0));
    }

    std::optional<audit::Appender> appender;
    if (plan.audited) {
        auto opened = audit::Appender::open(database);
        if (!opened) return store::Error{opened.error()};
        appender.emplace(std::move(opened.value()));
    }
    // What the ticket's moves changed, as the transitions route keeps it (tickets/ticket_changes.cpp).
    auto moved = database.prepare(
        "UPDATE tickets SET assignee_user_id = ?2, version = ?3, updated_at = ?4, first_response_at = ?5, "
        "resolved_at = ?6 WHERE id = ?1");
    auto event = database.prepare(
        "INSERT INTO ticket_events (ticket_id, occurred_at, actor_user_id, actor, type, from_state, to_state, comment, "
        "decision, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    auto link = database.prepare(
        "INSERT INTO ticket_links (ticket_id, device_id, created_at, created_by) VALUES (?1, ?2, ?3, ?4)");
    if (!moved) return store::Error{moved.error()};
    if (!event) return store::Error{event.error()};
    if (!link) return store::Error{link.error()};

    Dice dice(plan.seed);
    const std::int64_t span = std::int64_t{plan.days} * 86400;
    for (std::int64_t i = 0; i < plan.count; ++i) {
        // In order of creation, a few minutes apart on average, so ids follow time.
        const Instant created{plan.now.unix_seconds - span + span * i / plan.count +
                              static_cast<std::int64_t>(dice.below(static_cast<std::size_t>(std::max<std::int64_t>(1, span / plan.count))))};
        auto share = static_cast<int>(dice.below(100));
        TicketKind kind = TicketKind::inquiry;
        for (const auto& [candidate, percent] : kind_shares) {
            if (share < percent) {
                kind = candidate;
                break;
            }
            share -= percent;
        }
        const auto& topic = dice.pick(topics_of(kind));
        const auto& requester = dice.pick(staff);
        const auto& handler = dice.pick(desk);
        const auto& approver = dice.pick(it_office);
        const auto steps = walk(kind, created, plan.now, dice);
        const auto state = steps.empty() ? domain::workflow_of(kind).initial : steps.back().move->to;
        std::optional<Instant> responded, resolved;
        if (!steps.empty()) responded = steps.front().at;
        for (const auto& step : steps) {
            if (domain::clock_effect(kind, step.move->to) != domain::ClockEffect::stopped) {
                resolved.reset();
            } else if (!resolved) {
                resolved = step.at;
            }
        }
        std::string body = places[dice.below(places.size())];
        body += "で発生。";
        body += topic.title;
        body += "。至急確認をお願いします。";
        // P2–P4: an urgent P1 is rare enough to leave out of the demo.
        const auto priority = static_cast<domain::Priority>(1 + dice.below(3));
        const NewTicket ticket{kind, state, topic.title, body, requester.id, requester.division, topic.category,
                               priority, "", ""};
        auto inserted = insert_ticket(database, ticket, created);
        if (!inserted) return store::Error{inserted.error()};
        const auto id = inserted.value();
        const auto created_text = calendar::format_iso8601_utc(created);
        if (!steps.empty()) {
            auto& m = moved.value();
            m.reset();
            m.bind(1, id).bind(2, handler.id).bind(3, static_cast<std::int64_t>(1 + steps.size()))
                .bind(4, calendar::format_iso8601_utc(steps.back().at)).bind(5, calendar::format_iso8601_utc(*responded));
            if (resolved) m.bind(6, calendar::format_iso8601_utc(*resolved));
            if (auto done = m.step(); !done) return store::Error{done.error()};
        }

        auto& e = event.value();
        const auto add_event = [&](Instant at, const Person& who, std::string_view type, std::optional<TicketState> from,
                                   TicketState to, std::string_view comment, std::string_view decision,
                                   std::string_view role) -> store::Status {
            e.reset();
            e.bind(1, id).bind(2, calendar::format_iso8601_utc(at)).bind(3, who.id).bind(4, who.login).bind(5, type)
                .bind(7, domain::state_name(to)).bind(8, comment).bind(9, decision).bind(10, role);
            if (from) e.bind(6, domain::state_name(*from));
            if (auto done = e.step(); !done) return store::Error{done.error()};
            return store::success();
        };
        const auto initial = domain::workflow_of(kind).initial;
        if (auto added = add_event(created, requester, "created", std::nullopt, initial, "", "", ""); !added) {
            return store::Error{added.error()};
        }
        for (const auto& step : steps) {
            const auto& move = *step.move;
            const bool approval = move.approval_by.has_value();
            const auto& who = approval || (move.roles & domain::role_bit(Role::desk_operator)) == 0 ? approver : handler;
            std::string decision;
            if (approval) decision = std::string(move.action_key.substr(move.action_key.rfind('.') + 1));
            const auto role = approval ? madoguchi::identity::role_name(*move.approval_by) : std::string_view("");
            if (auto added = add_event(step.at, who, approval ? "approval" : "state", move.from, move.to,
                                       move.needs_comment ? comment_for(move.to) : "", decision, role);
                !added) {
                return store::Error{added.error()};
            }
        }
        if (topic.about_device && !devices.empty() && !dice.one_in(3)) {
            auto& l = link.value();
            l.reset();
            l.bind(1, id).bind(2, dice.pick(devices)).bind(3, created_text).bind(4, handler.login);
            if (auto done = l.step(); !done) return store::Error{done.error()};
        }
        if (appender) {
            const nlohmann::json after{{"kind", domain::kind_name(kind)},
                                       {"state", domain::state_name(state)},
                                       {"title", topic.title},
                                       {"requester_login", requester.login},
                                       {"division_code", requester.division},
                                       {"category", topic.category},
                                       {"priority", domain::priority_name(priority)}};
            const audit::AuditEntry entry{actor, "ticket.created", "ticket", std::to_string(id), std::nullopt, after};
            if (auto appended = appender->append(entry, plan.now); !appended) return store::Error{appended.error()};
        }
    }
    // Every open ticket gets its SLA due time and flags, as a real write would store them.
    if (auto swept = recompute_open_ticket_clocks(database, plan.now); !swept) return store::Error{swept.error()};
    return plan.count;
}

}  // namespace madoguchi::server::tickets
