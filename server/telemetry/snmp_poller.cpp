#include "telemetry/snmp_poller.hpp"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/large_fd_set.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "telemetry/device_walk.hpp"

namespace madoguchi::server::telemetry {
namespace {

void initialise_net_snmp() {
    static std::once_flag once;
    std::call_once(once, [] {
        // No MIB files, configuration files or saved engine state: numeric OIDs only, and a
        // server process that leaves nothing under /var/lib/snmp.
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
        setenv("MIBS", "", 1);
        snmp_disable_log();
        init_snmp("madoguchi");
    });
}

SnmpValue decode(const netsnmp_variable_list& variable) {
    SnmpValue value;
    switch (variable.type) {
    case ASN_INTEGER:
        value.kind = ValueKind::integer;
        value.number = static_cast<std::int32_t>(*variable.val.integer);
        break;
    case ASN_COUNTER:
    case ASN_GAUGE:
    case ASN_TIMETICKS:
        value.kind = ValueKind::counter;
        value.number = static_cast<std::int64_t>(static_cast<std::uint32_t>(*variable.val.integer));
        break;
    case ASN_COUNTER64: {
        const std::uint64_t number = (std::uint64_t{variable.val.counter64->high} << 32) | variable.val.counter64->low;
        value.kind = ValueKind::counter64;
        value.number = static_cast<std::int64_t>(std::min<std::uint64_t>(number, INT64_MAX));
        break;
    }
    case ASN_OCTET_STR:
    case ASN_IPADDRESS:
    case ASN_OPAQUE:
        value.kind = ValueKind::octets;
        value.full_length = variable.val_len;
        // One octet more than kept, so the reading builder sees the string was longer.
        value.octets.assign(reinterpret_cast<const char*>(variable.val.string), std::min<std::size_t>(variable.val_len, 256));
        break;
    case ASN_OBJECT_ID:
        value.kind = ValueKind::object_id;
        for (std::size_t arc = 0; arc < variable.val_len / sizeof(oid); ++arc) {
            value.object_id.push_back(static_cast<std::uint32_t>(variable.val.objid[arc]));
        }
        break;
    case SNMP_NOSUCHOBJECT: value.kind = ValueKind::no_such_object; break;
    case SNMP_NOSUCHINSTANCE: value.kind = ValueKind::no_such_instance; break;
    case SNMP_ENDOFMIBVIEW: value.kind = ValueKind::end_of_mib_view; break;
    default: value.kind = ValueKind::other; break;
    }
    return value;
}

// Localised keys (Ku) for a v3 passphrase: a megabyte of hashing each, so computed once per
// passphrase per cycle rather than once per device.
class KeyCache {
public:
    std::optional<std::vector<u_char>> key(const std::string& passphrase) {
        if (const auto found = keys_.find(passphrase); found != keys_.end()) return found->second;
        std::vector<u_char> key(USM_AUTH_KU_LEN);
        std::size_t length = key.size();
        std::vector<u_char> phrase(passphrase.begin(), passphrase.end());
        if (generate_Ku(usmHMACSHA1AuthProtocol, USM_AUTH_PROTO_SHA_LEN, phrase.data(), phrase.size(), key.data(),
                        &length) != SNMPERR_SUCCESS) {
            return std::nullopt;
        }
        key.resize(length);
        return keys_.emplace(passphrase, std::move(key)).first->second;
    }

private:
    std::map<std::string, std::vector<u_char>> keys_;
};

struct DeviceState {
    const PollTarget* target = nullptr;
    DeviceReading* result = nullptr;
    std::optional<DeviceWalk> walk;
    netsnmp_session* session = nullptr;
    void* poller = nullptr;  // the Poller, for net-snmp's callback
    bool active = false;     // a request is in flight
    bool finished = false;
    // Never read before: asked its scalars alone first, its tables once every other device
    // has had its first question (Poller::run).
    bool probing = false;
    // v3: the session is the engine ID probe's until its report names the agent's engine.
    bool discovering = false;
    std::vector<u_char> engine_id;
};

class Poller {
public:
    Poller(std::span<const PollTarget> targets, const PollSettings& settings) : settings_(settings) {
        outcome_.devices.resize(targets.size());
        states_.resize(targets.size());
        for (std::size_t index = 0; index < targets.size(); ++index) {
            outcome_.devices[index].device_id = targets[index].device_id;
            outcome_.devices[index].kinds = targets[index].kinds;
            states_[index].target = &targets[index];
            states_[index].result = &outcome_.devices[index];
            states_[index].poller = this;
        }
    }

    // The window takes the devices in order; a device never read, once it answered its first
    // question, waits for the window again behind those not asked yet. Among a new fleet the
    // offline devices so meet their timeouts early, all at once, instead of those that come
    // last in the order starting theirs when the others' polls are nearly done.
    PollOutcome run() {
        std::size_t next = 0;
        while (next < states_.size() || active_ > 0 || !answered_first_.empty()) {
            const int window = std::max(1, settings_.window);
            while (active_ < window && next < states_.size()) start(states_[next++]);
            while (active_ < window && !answered_first_.empty()) {
                resume(*answered_first_.front());
                answered_first_.pop_front();
            }
            close_finished();
            if (active_ == 0) continue;
            wait_and_dispatch();
            close_finished();
            continue_discovered();
        }
        return std::move(outcome_);
    }

private:
    static int on_event(int operation, netsnmp_session*, int, netsnmp_pdu* pdu, void* magic) {
        auto* state = static_cast<DeviceState*>(magic);
        static_cast<Poller*>(state->poller)->handle(*state, operation, pdu);
        return 1;
    }

    void start(DeviceState& state) {
        state.walk.emplace(settings_.repetitions, state.target->kinds, state.target->last_rows, state.target->supply_layout);
        state.probing = never_read(*state.target) && state.walk->ask_scalars_first();
        const bool v3 = state.target->credentials.version == SnmpCredentials::Version::v3;
        if (!(v3 ? open_probe_session(state) : open_session(state))) {
            finish(state, false);
            return;
        }
        enter_window(state);
        if (v3) {
            send_probe(state);
        } else {
            send(state);
        }
    }

    // SNMPv3 engine ID discovery (RFC 3414 §4) done like any other request: snmp_open would
    // probe synchronously, holding the poll thread for timeout × (1 + retries) per silent v3
    // device. This session only asks, unauthenticated, for the agent's engine ID.
    bool open_probe_session(DeviceState& state) {
        netsnmp_session settings;
        snmp_sess_init(&settings);
        std::string peer = state.target->agent;
        settings.peername = peer.data();
        settings.timeout = static_cast<long>(settings_.timeout.count()) * 1000;
        settings.retries = settings_.retries;
        settings.callback = &Poller::on_event;
        settings.callback_magic = &state;
        settings.version = SNMP_VERSION_3;
        settings.securityModel = SNMP_SEC_MODEL_USM;
        settings.securityLevel = SNMP_SEC_LEVEL_NOAUTH;
        // As net-snmp's own probe: agents serving several contexts (snmpsim) answer in one only.
        std::string context = state.target->credentials.context;
        settings.contextName = context.data();
        settings.contextNameLen = context.size();
        state.session = snmp_open(&settings);
        if (state.session == nullptr) {
            state.result->failure = "error: cannot open a session";
            return false;
        }
        // snmp_open drops the flag; without it snmp_send would probe synchronously after all.
        state.session->flags |= SNMP_FLAGS_DONT_PROBE;
        state.discovering = true;
        return true;
    }

    // The probe net-snmp sends itself (usm_build_probe_pdu): an empty GET from the empty user.
    void send_probe(DeviceState& state) {
        netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GET);
        pdu->version = SNMP_VERSION_3;
        pdu->securityModel = SNMP_SEC_MODEL_USM;
        pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
        pdu->securityName = strdup("");
        pdu->securityNameLen = 0;
        dispatch(state, pdu);
    }

    // After the probe's report: the real session, told the engine ID so snmp_open does not
    // probe again (it localises the keys with it), and the first request.
    void continue_discovered() {
        auto discovered = std::move(to_continue_);
        to_continue_.clear();
        for (auto* state : discovered) {
            if (state->finished) continue;
            snmp_close(state->session);
            state->session = nullptr;
            state->discovering = false;
            if (!open_session(*state)) {
                finish(*state, false);
                continue;
            }
            send(*state);
        }
    }

    bool open_session(DeviceState& state) {
        const auto& target = *state.target;
        const auto& credentials = target.credentials;
        netsnmp_session settings;
        snmp_sess_init(&settings);
        std::string peer = target.agent;
        settings.peername = peer.data();
        settings.timeout = static_cast<long>(settings_.timeout.count()) * 1000;
        settings.retries = settings_.retries;
        settings.callback = &Poller::on_event;
        settings.callback_magic = &state;
        std::string community = credentials.community;
        std::string user = credentials.user;
        std::string context = credentials.context;
        if (credentials.version == SnmpCredentials::Version::v2c) {
            settings.version = SNMP_VERSION_2c;
            settings.community = reinterpret_cast<u_char*>(community.data());
            settings.community_len = community.size();
        } else {
            const auto auth = keys_.key(credentials.auth_passphrase);
            const auto priv = keys_.key(credentials.priv_passphrase);
            if (!auth || !priv) {
                state.result->failure = "error: cannot derive the SNMPv3 keys";
                return false;
            }
            settings.version = SNMP_VERSION_3;
            settings.securityName = user.data();
            settings.securityNameLen = user.size();
            settings.securityLevel = SNMP_SEC_LEVEL_AUTHPRIV;
            settings.securityAuthProto = usmHMACSHA1AuthProtocol;
            settings.securityAuthProtoLen = USM_AUTH_PROTO_SHA_LEN;
            std::copy(auth->begin(), auth->end(), settings.securityAuthKey);
            settings.securityAuthKeyLen = auth->size();
            settings.securityPrivProto = usmAESPrivProtocol;
            settings.securityPrivProtoLen = USM_PRIV_PROTO_AES_LEN;
            // AES-128 uses the first 16 octets of the localised key.
            std::copy(priv->begin(), priv->end(), settings.securityPrivKey);
            settings.securityPrivKeyLen = priv->size();
            settings.contextName = context.data();
            settings.contextNameLen = context.size();
            settings.securityEngineID = state.engine_id.data();
            settings.securityEngineIDLen = state.engine_id.size();
            settings.contextEngineID = state.engine_id.data();
            settings.contextEngineIDLen = state.engine_id.size();
        }
        // snmp_open copies what it keeps.
        state.session = snmp_open(&settings);
        if (state.session == nullptr) {
            state.result->failure = credentials.version == SnmpCredentials::Version::v3 ? "timeout or authentication"
                                                                                         : "error: cannot open a session";
            return false;
        }
        return true;
    }

    void send(DeviceState& state) {
        const auto request = state.walk->next_request();
        netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GETBULK);
        pdu->non_repeaters = static_cast<long>(request.scalar_parents.size() + request.next_cursors.size());
        pdu->max_repetitions = request.repetitions;
        const auto add = [pdu](const Oid& name) {
            std::vector<oid> arcs(name.begin(), name.end());
            snmp_add_null_var(pdu, arcs.data(), arcs.size());
        };
        std::for_each(request.scalar_parents.begin(), request.scalar_parents.end(), add);
        std::for_each(request.next_cursors.begin(), request.next_cursors.end(), add);
        std::for_each(request.walk_cursors.begin(), request.walk_cursors.end(), add);
        dispatch(state, pdu);
    }

    // Counts and sends one request of the device's poll; a PDU that cannot be sent ends it.
    void dispatch(DeviceState& state, netsnmp_pdu* pdu) {
        ++state.result->requests;
        ++outcome_.requests;
        if (snmp_send(state.session, pdu) == 0) {
            snmp_free_pdu(pdu);
            state.result->failure = "error: cannot send";
            finish(state, false);
        }
    }

    void handle(DeviceState& state, int operation, netsnmp_pdu* pdu) {
        if (state.finished) return;
        // Already discovered: the same report again, or the probe's retry answered.
        if (state.discovering && !state.engine_id.empty()) return;
        // The discovery report first comes as a security error (its engine is unknown yet),
        // then as the message; the probe takes whichever names the engine first.
        const bool names_engine = pdu != nullptr && pdu->securityEngineIDLen > 0;
        if (state.discovering && names_engine &&
            (operation == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE || operation == NETSNMP_CALLBACK_OP_SEC_ERROR)) {
            state.engine_id.assign(pdu->securityEngineID, pdu->securityEngineID + pdu->securityEngineIDLen);
            to_continue_.push_back(&state);  // outside the callback, which still uses the session
            return;
        }
        // A security error is followed by the message itself or a timeout: decided then.
        if (operation == NETSNMP_CALLBACK_OP_SEC_ERROR) return;
        if (operation != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE || pdu == nullptr) {
            state.result->failure = operation == NETSNMP_CALLBACK_OP_TIMED_OUT ? "timeout" : "error: no answer";
            finish(state, false);
            return;
        }
        if (state.discovering) {
            state.result->failure = "error: no engine ID in the answer to the probe";
            finish(state, false);
            return;
        }
        if (pdu->command == SNMP_MSG_REPORT) {
            // The first authenticated request learns the agent's boots and time from this
            // report; net-snmp sends the request again once the callback returns.
            if (snmpv3_get_report_type(pdu) == SNMPERR_NOT_IN_TIME_WINDOW) return;
            state.result->failure = "authentication";
            finish(state, false);
            return;
        }
        if (pdu->errstat != SNMP_ERR_NOERROR) {
            state.walk->take_error(pdu->errstat);
        } else {
            std::vector<VarBind> binds;
            for (auto* variable = pdu->variables; variable != nullptr; variable = variable->next_variable) {
                binds.push_back(VarBind{Oid(variable->name, variable->name + variable->name_length), decode(*variable)});
            }
            state.walk->take_response(binds);
        }
        if (state.walk->done()) {
            finish(state, true);
        } else if (state.probing) {
            // Out of the window until its turn comes again, without its session: hundreds of
            // devices wait so among a new fleet, and each open session holds a socket.
            state.probing = false;
            leave_window(state);
            answered_first_.push_back(&state);
        } else {
            send(state);
        }
    }

    void enter_window(DeviceState& state) {
        ++active_;
        outcome_.in_flight_peak = std::max(outcome_.in_flight_peak, active_);
        state.active = true;
    }

    // Its slot in the window freed and its session closed (outside the callbacks).
    void leave_window(DeviceState& state) {
        if (state.active) {
            state.active = false;
            --active_;
        }
        if (state.session != nullptr) to_close_.push_back(state.session);
        state.session = nullptr;
    }

    // Back in the window after its first answer, in a new session (a v3 one told the engine ID
    // its probe learnt).
    void resume(DeviceState& state) {
        if (!open_session(state)) {
            finish(state, false);
            return;
        }
        enter_window(state);
        send(state);
    }

    void finish(DeviceState& state, bool reachable) {
        state.finished = true;
        state.result->reachable = reachable;
        if (reachable) {
            state.result->reading = std::move(state.walk->builder().reading());
            state.result->oddities = std::move(state.walk->builder().oddities());
        }
        state.walk.reset();
        leave_window(state);
    }

    // Sessions are closed outside net-snmp's callbacks, which may still use them.
    void close_finished() {
        for (auto* session : to_close_) snmp_close(session);
        to_close_.clear();
    }

    void wait_and_dispatch() {
        int descriptors = 0;
        int block = 1;
        timeval timeout{};
        netsnmp_large_fd_set readable;
        netsnmp_large_fd_set_init(&readable, FD_SETSIZE);
        snmp_select_info2(&descriptors, &readable, &timeout, &block);
        const int ready = netsnmp_large_fd_set_select(descriptors, &readable, nullptr, nullptr, block ? nullptr : &timeout);
        if (ready > 0) {
            snmp_read2(&readable);
        } else if (ready == 0) {
            snmp_timeout();
        } else if (errno != EINTR) {
            snmp_timeout();
        }
        netsnmp_large_fd_set_cleanup(&readable);
    }

    PollSettings settings_;
    PollOutcome outcome_;
    std::vector<DeviceState> states_;
    std::vector<netsnmp_session*> to_close_;
    std::vector<DeviceState*> to_continue_;
    std::deque<DeviceState*> answered_first_;
    KeyCache keys_;
    int active_ = 0;
};

}  // namespace

PollOutcome poll_devices(std::span<const PollTarget> targets, const PollSettings& settings) {
    // net-snmp's session list is global and unlocked: the poll job and a "poll now" take turns.
    static std::mutex net_snmp;
    std::scoped_lock lock(net_snmp);
    initialise_net_snmp();
    return Poller(targets, settings).run();
}

}  // namespace madoguchi::server::telemetry
