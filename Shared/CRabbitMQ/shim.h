// rabbitmq-c 0.11 (Debian 12). Swift cannot call the variadic amqp_login nor import the
// method-number macros (they are casts), so they are re-exposed here.
#ifndef PUMPURS_CRABBITMQ_SHIM_H
#define PUMPURS_CRABBITMQ_SHIM_H
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <sys/time.h>

/// amqp_login with PLAIN credentials (the variadic tail of amqp_login fixed to user/password).
static inline amqp_rpc_reply_t pumpurs_amqp_login_plain(amqp_connection_state_t state, const char *vhost,
                                                       int channel_max, int frame_max, int heartbeat,
                                                       const char *user, const char *password) {
    return amqp_login(state, vhost, channel_max, frame_max, heartbeat, AMQP_SASL_METHOD_PLAIN, user, password);
}

/// amqp_login_with_properties with PLAIN credentials: lets the client advertise capabilities
/// (connection.blocked, consumer_cancel_notify) that plain amqp_login does not.
static inline amqp_rpc_reply_t pumpurs_amqp_login_plain_with_properties(
    amqp_connection_state_t state, const char *vhost, int channel_max, int frame_max, int heartbeat,
    const amqp_table_t *properties, const char *user, const char *password) {
    return amqp_login_with_properties(state, vhost, channel_max, frame_max, heartbeat, properties,
                                      AMQP_SASL_METHOD_PLAIN, user, password);
}

static const amqp_method_number_t PUMPURS_BASIC_ACK = AMQP_BASIC_ACK_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_NACK = AMQP_BASIC_NACK_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_RETURN = AMQP_BASIC_RETURN_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_DELIVER = AMQP_BASIC_DELIVER_METHOD;
static const amqp_method_number_t PUMPURS_CHANNEL_CLOSE = AMQP_CHANNEL_CLOSE_METHOD;
static const amqp_method_number_t PUMPURS_CHANNEL_CLOSE_OK = AMQP_CHANNEL_CLOSE_OK_METHOD;
static const amqp_method_number_t PUMPURS_CONNECTION_CLOSE = AMQP_CONNECTION_CLOSE_METHOD;
static const amqp_method_number_t PUMPURS_CONNECTION_CLOSE_OK = AMQP_CONNECTION_CLOSE_OK_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_GET_OK = AMQP_BASIC_GET_OK_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_GET_EMPTY = AMQP_BASIC_GET_EMPTY_METHOD;
static const amqp_method_number_t PUMPURS_CONNECTION_BLOCKED = AMQP_CONNECTION_BLOCKED_METHOD;
static const amqp_method_number_t PUMPURS_CONNECTION_UNBLOCKED = AMQP_CONNECTION_UNBLOCKED_METHOD;
static const amqp_method_number_t PUMPURS_BASIC_CANCEL = AMQP_BASIC_CANCEL_METHOD;

static const amqp_flags_t PUMPURS_BASIC_CONTENT_TYPE_FLAG = AMQP_BASIC_CONTENT_TYPE_FLAG;
static const amqp_flags_t PUMPURS_BASIC_HEADERS_FLAG = AMQP_BASIC_HEADERS_FLAG;
static const amqp_flags_t PUMPURS_BASIC_DELIVERY_MODE_FLAG = AMQP_BASIC_DELIVERY_MODE_FLAG;
static const amqp_flags_t PUMPURS_BASIC_CORRELATION_ID_FLAG = AMQP_BASIC_CORRELATION_ID_FLAG;
static const amqp_flags_t PUMPURS_BASIC_MESSAGE_ID_FLAG = AMQP_BASIC_MESSAGE_ID_FLAG;
static const amqp_flags_t PUMPURS_BASIC_TIMESTAMP_FLAG = AMQP_BASIC_TIMESTAMP_FLAG;
static const amqp_flags_t PUMPURS_BASIC_TYPE_FLAG = AMQP_BASIC_TYPE_FLAG;
static const amqp_flags_t PUMPURS_BASIC_APP_ID_FLAG = AMQP_BASIC_APP_ID_FLAG;
static const amqp_flags_t PUMPURS_BASIC_USER_ID_FLAG = AMQP_BASIC_USER_ID_FLAG;

static const int PUMPURS_REPLY_SUCCESS = AMQP_REPLY_SUCCESS;
static const int PUMPURS_NO_ROUTE = AMQP_NO_ROUTE;
static const int PUMPURS_FRAME_METHOD = AMQP_FRAME_METHOD;
static const int PUMPURS_FRAME_HEADER = AMQP_FRAME_HEADER;
static const int PUMPURS_FRAME_BODY = AMQP_FRAME_BODY;
static const int PUMPURS_FRAME_HEARTBEAT = AMQP_FRAME_HEARTBEAT;

#endif
