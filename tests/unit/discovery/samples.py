"""Advisory MESSAGE frames captured from the rig's ActiveMQ 5.17.2 (brokers.md §1.5)."""

from __future__ import annotations

COMMON = {
    "expires": "0",
    "originBrokerURL": "stomp://localhost:61613",
    "originBrokerId": "ID:vm-44631-1795555747001-0:1",
    "priority": "0",
    "type": "Advisory",
    "transformation": "jms-advisory-json",
    "originBrokerName": "localhost",
    "timestamp": "0",
}

QUEUE_ADDED = (
    {**COMMON, "destination": "/topic/ActiveMQ.Advisory.Queue", "subscription": "0"},
    b'{"DestinationInfo":{"commandId":0,"responseRequired":false,"connectionId":{"value":'
    b'"ID:vm-44631-1795555747001-3:17"},"destination":{"@class":"ActiveMQQueue","string":'
    b'"probe.cap","null":""},"operationType":0,"timeout":0}}',
)

QUEUE_REMOVED = (
    {
        **COMMON,
        "destination": "/topic/ActiveMQ.Advisory.Queue",
        "subscription": "0",
        "originBrokerURL": "tcp://localhost:61616",
    },
    b'{"DestinationInfo":{"commandId":0,"responseRequired":false,"connectionId":{"value":'
    b'"ID:vm-44631-1795555747001-3:17"},"destination":{"@class":"ActiveMQQueue","string":'
    b'"probe.cap","null":""},"operationType":1,"timeout":0}}',
)

TOPIC_ADDED = (
    {**COMMON, "destination": "/topic/ActiveMQ.Advisory.Topic", "subscription": "1"},
    b'{"DestinationInfo":{"commandId":0,"responseRequired":false,"connectionId":{"value":'
    b'"ID:vm-44631-1795555747001-3:17"},"destination":{"@class":"ActiveMQTopic","string":'
    b'"probe.captopic","null":""},"operationType":0,"timeout":0}}',
)

TEMP_QUEUE_ADDED = (
    {**COMMON, "destination": "/topic/ActiveMQ.Advisory.TempQueue", "subscription": "2"},
    b'{"DestinationInfo":{"commandId":3,"responseRequired":false,"connectionId":{"value":'
    b'"ID:vm-44631-1795555747001-3:17"},"destination":{"@class":"ActiveMQTempQueue","string":'
    b'"ID:vm-44631-1795555747001-3:17:1","null":""},"operationType":0,"timeout":0}}',
)

ADVISORY_TOPIC_ADDED = (
    {**COMMON, "destination": "/topic/ActiveMQ.Advisory.Topic", "subscription": "1"},
    b'{"DestinationInfo":{"commandId":0,"responseRequired":false,"connectionId":{"value":'
    b'"ID:vm-1"},"destination":{"@class":"ActiveMQTopic","string":'
    b'"ActiveMQ.Advisory.Consumer.Queue.probe.cap","null":""},"operationType":0,"timeout":0}}',
)

CONSUMER_ADDED = (
    {
        **COMMON,
        "destination": "/topic/ActiveMQ.Advisory.Consumer.Queue.probe.cap",
        "consumerCount": "1",
        "subscription": "4",
    },
    b'{"ConsumerInfo":{"commandId":6,"responseRequired":false,"consumerId":{"connectionId":'
    b'"ID:vm-44631-1795555747001-3:17","sessionId":-1,"value":1},"destination":{"@class":'
    b'"ActiveMQQueue","string":"probe.cap","null":""},"prefetchSize":1000,'
    b'"maximumPendingMessageLimit":0,"browser":false,"dispatchAsync":true,"noLocal":false,'
    b'"exclusive":false,"retroactive":false,"priority":0,"optimizedAcknowledge":false,'
    b'"noRangeAcks":false}}',
)

CONSUMER_REMOVED = (
    {
        **COMMON,
        "destination": "/topic/ActiveMQ.Advisory.Consumer.Queue.probe.cap",
        "consumerCount": "0",
        "subscription": "4",
    },
    b'{"RemoveInfo":{"commandId":0,"responseRequired":false,"objectId":{"@class":"ConsumerId",'
    b'"connectionId":"ID:vm-44631-1795555747001-3:17","sessionId":-1,"value":1},'
    b'"lastDeliveredSequenceId":-2}}',
)

# Jolokia bulk answer (trimmed) from the rig: one queue, one advisory topic, no temp queues.
JOLOKIA_BULK = [
    {
        "request": {"type": "read"},
        "value": {
            "org.apache.activemq:brokerName=localhost,destinationName=orders,"
            "destinationType=Queue,type=Broker": {
                "Name": "orders",
                "QueueSize": 3,
                "ConsumerCount": 1,
                "EnqueueCount": 5,
                "DequeueCount": 2,
            },
        },
        "status": 200,
    },
    {
        "request": {"type": "read"},
        "value": {
            "org.apache.activemq:brokerName=localhost,destinationName=ActiveMQ.Advisory.Queue,"
            "destinationType=Topic,type=Broker": {
                "Name": "ActiveMQ.Advisory.Queue",
                "QueueSize": 0,
                "ConsumerCount": 0,
                "EnqueueCount": 3,
                "DequeueCount": 2,
            },
            "org.apache.activemq:brokerName=localhost,destinationName=prices.eu,"
            "destinationType=Topic,type=Broker": {
                "Name": "prices.eu",
                "QueueSize": 0,
                "ConsumerCount": 2,
                "EnqueueCount": 10,
                "DequeueCount": 20,
            },
        },
        "status": 200,
    },
    {
        "request": {"type": "read"},
        "error_type": "javax.management.InstanceNotFoundException",
        "error": "javax.management.InstanceNotFoundException : No MBean with pattern ...",
        "status": 404,
    },
    {"request": {"type": "read"}, "error": "No MBean", "status": 404},
]
