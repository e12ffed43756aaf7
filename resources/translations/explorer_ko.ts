<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About STOMP Explorer</source>
        <translation>STOMP Explorer 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;STOMP Explorer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;STOMP Explorer&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>버전 %1</translation>
    </message>
    <message>
        <source>Look inside STOMP messaging: a live destination tree, a message log and a frame composer.</source>
        <translation>STOMP 메시징을 들여다보세요: 실시간 목적지 트리, 메시지 로그, 프레임 작성기.</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <source>Released under the %1 licence.</source>
        <translation>%1 라이선스로 배포됩니다.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Frame command; RAW lets you type the whole frame as in nc (␀ ends it)</source>
        <translation>프레임 명령. RAW를 고르면 nc처럼 프레임 전체를 직접 입력합니다(␀로 끝남)</translation>
    </message>
    <message>
        <source>/queue/name or /topic/name</source>
        <translation>/queue/이름 또는 /topic/이름</translation>
    </message>
    <message>
        <source>Destination (completes from the destination tree)</source>
        <translation>목적지(목적지 트리에서 자동 완성)</translation>
    </message>
    <message>
        <source>content-type header (empty: none)</source>
        <translation>content-type 헤더(비우면 보내지 않음)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>영수증</translation>
    </message>
    <message>
        <source>Ask the broker for a RECEIPT and show the round-trip time</source>
        <translation>브로커에 RECEIPT를 요청하고 왕복 시간을 표시합니다</translation>
    </message>
    <message>
        <source>Send this many copies; {{n}} in the body or headers becomes 1, 2, 3…</source>
        <translation>이만큼 복사해 보냅니다. 본문이나 헤더의 {{n}}은 1, 2, 3…으로 바뀝니다</translation>
    </message>
    <message>
        <source>Frames sent before: pick one to edit it again</source>
        <translation>이전에 보낸 프레임: 하나를 골라 다시 편집합니다</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send the frame (Ctrl+Enter)</source>
        <translation>프레임 보내기(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Extra headers; names complete from well-known ones</source>
        <translation>추가 헤더. 이름은 잘 알려진 헤더에서 자동 완성됩니다</translation>
    </message>
    <message>
        <source>Add a header</source>
        <translation>헤더 추가</translation>
    </message>
    <message>
        <source>Remove the selected headers</source>
        <translation>선택한 헤더 삭제</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Body (text or JSON; {{n}} is the copy number)</source>
        <translation>본문(텍스트 또는 JSON. {{n}}은 복사본 번호)</translation>
    </message>
    <message>
        <source>Body of the frame; in RAW mode, the whole frame</source>
        <translation>프레임 본문. RAW 모드에서는 프레임 전체</translation>
    </message>
    <message>
        <source>Insert ␀</source>
        <translation>␀ 넣기</translation>
    </message>
    <message>
        <source>Insert the NUL that ends a frame (sent as byte 0)</source>
        <translation>프레임을 끝내는 NUL을 넣습니다(바이트 0으로 전송)</translation>
    </message>
    <message>
        <source>Connect first, then send (Ctrl+Enter)</source>
        <translation>먼저 연결한 뒤 보내세요(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Not connected: connect a profile first.</source>
        <translation>연결되어 있지 않습니다. 먼저 프로필을 연결하세요.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Enter a destination, for example /queue/test.</source>
        <translation>목적지를 입력하세요. 예: /queue/test</translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>아직 보낸 프레임이 없습니다</translation>
    </message>
    <message>
        <source>JSON error at line {line}, column {column}: {message}</source>
        <translation>JSON 오류: {line}행 {column}열: {message}</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>올바른 JSON</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Connection state</source>
        <translation>연결 상태</translation>
    </message>
    <message>
        <source>Heart-beat health</source>
        <translation>하트비트 상태</translation>
    </message>
    <message>
        <source>Messages received per second (last 5 s)</source>
        <translation>초당 받은 메시지 수(최근 5초)</translation>
    </message>
    <message>
        <source>Log rows evicted because the log is full</source>
        <translation>로그가 가득 차서 밀려난 행 수</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결 안 됨</translation>
    </message>
    <message>
        <source>{name}: connected, STOMP {version}, {server}</source>
        <translation>{name}: 연결됨, STOMP {version}, {server}</translation>
    </message>
    <message>
        <source>unknown server</source>
        <translation>알 수 없는 서버</translation>
    </message>
    <message>
        <source>{name}: connecting…</source>
        <translation>{name}: 연결 중…</translation>
    </message>
    <message>
        <source>{name}: reconnecting in {seconds:.0f} s ({reason})</source>
        <translation>{name}: {seconds:.0f}초 후 다시 연결({reason})</translation>
    </message>
    <message>
        <source>{name}: failed: {reason}</source>
        <translation>{name}: 실패: {reason}</translation>
    </message>
    <message>
        <source>{name}: disconnected</source>
        <translation>{name}: 연결 끊김</translation>
    </message>
    <message>
        <source>♥ off</source>
        <translation>♥ 꺼짐</translation>
    </message>
    <message>
        <source>♥ ok</source>
        <translation>♥ 정상</translation>
    </message>
    <message>
        <source>♥ silent for {seconds:.0f} s</source>
        <translation>♥ {seconds:.0f}초째 응답 없음</translation>
    </message>
    <message>
        <source>{rate:.1f} msg/s</source>
        <translation>초당 {rate:.1f}건</translation>
    </message>
    <message>
        <source>{count} evicted</source>
        <translation>{count}건 밀려남</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>Filter destinations</source>
        <translation>목적지 필터</translation>
    </message>
    <message>
        <source>Show destinations whose name contains this text</source>
        <translation>이름에 이 텍스트가 들어간 목적지만 표시</translation>
    </message>
    <message>
        <source>/queue/name to subscribe</source>
        <translation>구독할 /queue/이름</translation>
    </message>
    <message>
        <source>Type a destination and press Enter to subscribe to it</source>
        <translation>목적지를 입력하고 Enter를 누르면 구독합니다</translation>
    </message>
    <message>
        <source>Subscribe to the destination typed on the left</source>
        <translation>왼쪽에 입력한 목적지 구독</translation>
    </message>
    <message>
        <source>Expand all destinations</source>
        <translation>모든 목적지 펼치기</translation>
    </message>
    <message>
        <source>Collapse all destinations</source>
        <translation>모든 목적지 접기</translation>
    </message>
    <message>
        <source>Destinations seen, sent to or discovered; right-click to subscribe</source>
        <translation>받거나 보내거나 발견한 목적지. 오른쪽 클릭으로 구독</translation>
    </message>
    <message>
        <source>Messages in and out; Space pauses, right-click for more</source>
        <translation>주고받은 메시지. Space로 일시 정지, 오른쪽 클릭으로 더 보기</translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>오른쪽 클릭으로 표시할 열을 고릅니다</translation>
    </message>
    <message>
        <source>Filter the log (Ctrl+F); the menu on the left picks how</source>
        <translation>로그 필터(Ctrl+F). 왼쪽 메뉴에서 방식을 고릅니다</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>What the filter text matches</source>
        <translation>필터 텍스트를 무엇과 비교할지</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop updating the log; messages keep being recorded (Ctrl+P or Space)</source>
        <translation>로그 갱신을 멈춥니다. 메시지는 계속 기록됩니다(Ctrl+P 또는 Space)</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>로그 지우기</translation>
    </message>
    <message>
        <source>Export messages as JSON Lines</source>
        <translation>메시지를 JSON Lines로 내보내기</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>선택 항목 내보내기…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>모두 내보내기…</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>트래픽</translation>
    </message>
    <message>
        <source>Messages received and sent</source>
        <translation>받고 보낸 메시지</translation>
    </message>
    <message>
        <source>Every frame and heart-beat on the wire</source>
        <translation>회선을 오간 모든 프레임과 하트비트</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
    <message>
        <source>Subscribe to subtree ({wildcard})</source>
        <translation>하위 트리 구독({wildcard})</translation>
    </message>
    <message>
        <source>Subscribe to subtree (this broker has no wildcard)</source>
        <translation>하위 트리 구독(이 브로커는 와일드카드가 없음)</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>구독 해지</translation>
    </message>
    <message>
        <source>Copy destination</source>
        <translation>목적지 복사</translation>
    </message>
    <message>
        <source>Send to it…</source>
        <translation>여기로 보내기…</translation>
    </message>
    <message>
        <source>Peek (browse, leaves the messages)</source>
        <translation>엿보기(둘러보기, 메시지는 그대로 남음)</translation>
    </message>
    <message>
        <source>Peek — unavailable: {reason}</source>
        <translation>엿보기 — 사용할 수 없음: {reason}</translation>
    </message>
    <message>
        <source>Receive copies of the messages published to a topic (auto-ack).</source>
        <translation>토픽에 발행된 메시지의 사본을 받습니다(자동 확인).</translation>
    </message>
    <message>
        <source>On a queue this takes the messages away (you are asked first).</source>
        <translation>큐에서는 메시지를 가져가 버립니다(먼저 확인을 요청합니다).</translation>
    </message>
    <message>
        <source>Observe (subscribe, auto-ack)</source>
        <translation>관찰(구독, 자동 확인)</translation>
    </message>
    <message>
        <source>Look at the messages waiting in the queue without removing them (queue browser).</source>
        <translation>큐에서 대기 중인 메시지를 제거하지 않고 살펴봅니다(큐 브라우저).</translation>
    </message>
    <message>
        <source>Consume with manual ACK/NACK…</source>
        <translation>수동 ACK/NACK로 소비…</translation>
    </message>
    <message>
        <source>Receive messages and acknowledge or reject each one with the ACK / NACK buttons of the message pane; acknowledged messages are removed.</source>
        <translation>메시지를 받아 메시지 창의 ACK / NACK 버튼으로 하나씩 확인하거나 거부합니다. 확인한 메시지는 제거됩니다.</translation>
    </message>
    <message>
        <source>Drain (remove every message)…</source>
        <translation>비우기(모든 메시지 제거)…</translation>
    </message>
    <message>
        <source>Consume every message of the queue with automatic acknowledgement: they are removed.</source>
        <translation>큐의 모든 메시지를 자동 확인으로 소비합니다. 메시지가 제거됩니다.</translation>
    </message>
    <message>
        <source>only queues can be browsed; a topic keeps no messages (use observe)</source>
        <translation>큐만 둘러볼 수 있습니다. 토픽은 메시지를 보관하지 않습니다(관찰을 사용하세요)</translation>
    </message>
    <message>
        <source>RabbitMQ has no queue browser over STOMP (the management UI&apos;s &apos;Get messages&apos; with requeue is the nearest thing)</source>
        <translation>RabbitMQ는 STOMP로 큐를 둘러보는 기능이 없습니다(관리 UI의 &apos;Get messages&apos;를 requeue로 쓰는 것이 가장 가깝습니다)</translation>
    </message>
    <message>
        <source>this broker has no known queue browser over STOMP</source>
        <translation>이 브로커는 STOMP로 큐를 둘러보는 기능이 알려져 있지 않습니다</translation>
    </message>
    <message>
        <source>Observing {destination} takes its messages off the queue (auto-ack): other consumers will not get them. Subscribe anyway?</source>
        <translation>{destination}을(를) 관찰하면 큐에서 메시지를 가져갑니다(자동 확인). 다른 소비자는 그 메시지를 받지 못합니다. 그래도 구독할까요?</translation>
    </message>
    <message>
        <source>Consuming {destination} removes every message you acknowledge. Subscribe with manual ACK/NACK?</source>
        <translation>{destination}을(를) 소비하면 확인(ACK)한 메시지가 모두 제거됩니다. 수동 ACK/NACK로 구독할까요?</translation>
    </message>
    <message>
        <source>Draining {destination} removes every message on it, now and as they arrive. Drain it?</source>
        <translation>{destination}을(를) 비우면 지금 있는 메시지와 새로 도착하는 메시지가 모두 제거됩니다. 비울까요?</translation>
    </message>
    <message>
        <source>Remove messages?</source>
        <translation>메시지를 제거할까요?</translation>
    </message>
    <message>
        <source>Type a destination first, for example /queue/test.</source>
        <translation>먼저 목적지를 입력하세요. 예: /queue/test</translation>
    </message>
    <message>
        <source>Subscribed to {destination}</source>
        <translation>{destination} 구독 중</translation>
    </message>
    <message>
        <source>Subscribed to {count} destinations (hover to list them)</source>
        <translation>목적지 {count}개 구독 중(마우스를 올리면 목록 표시)</translation>
    </message>
    <message>
        <source>No subscriptions yet: type a destination above or right-click one.</source>
        <translation>아직 구독이 없습니다. 위에 목적지를 입력하거나 트리에서 오른쪽 클릭하세요.</translation>
    </message>
    <message>
        <source>{count} messages</source>
        <translation>메시지 {count}건</translation>
    </message>
    <message>
        <source>{shown} of {total} messages</source>
        <translation>메시지 {total}건 중 {shown}건</translation>
    </message>
    <message>
        <source>{count} evicted</source>
        <translation>{count}건 밀려남</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count}건 대기</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>text in destination, headers or body</source>
        <translation>목적지, 헤더, 본문에 든 텍스트</translation>
    </message>
    <message>
        <source>regular expression, e.g. order-\d+</source>
        <translation>정규식. 예: order-\d+</translation>
    </message>
    <message>
        <source>destination or prefix, e.g. /topic/prices</source>
        <translation>목적지 또는 접두사. 예: /topic/prices</translation>
    </message>
    <message>
        <source>name or name=value</source>
        <translation>이름 또는 이름=값</translation>
    </message>
    <message>
        <source>Filter the log (Ctrl+F)</source>
        <translation>로그 필터(Ctrl+F)</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>다시 보내기…</translation>
    </message>
    <message>
        <source>Acknowledge (ACK)</source>
        <translation>확인 응답(ACK)</translation>
    </message>
    <message>
        <source>Reject (NACK)</source>
        <translation>거부(NACK)</translation>
    </message>
    <message>
        <source>Select messages in the log first.</source>
        <translation>먼저 로그에서 메시지를 선택하세요.</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>메시지 내보내기</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {path}</source>
        <translation>메시지 {count}건을 {path}(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>DestinationTreeModel</name>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>속도(/초)</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 수신</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>(folder)</source>
        <translation>(폴더)</translation>
    </message>
    <message>
        <source>in: {received}, out: {sent}</source>
        <translation>받음: {received}, 보냄: {sent}</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>사라짐</translation>
    </message>
    <message>
        <source>depth {n}</source>
        <translation>깊이 {n}</translation>
    </message>
    <message>
        <source>consumers {n}</source>
        <translation>소비자 {n}</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>형식</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>STOMP Explorer</source>
        <translation>STOMP Explorer</translation>
    </message>
    <message>
        <source>&lt;h2&gt;STOMP Explorer&lt;/h2&gt;&lt;p&gt;Pick a profile on the left and press &lt;b&gt;Connect&lt;/b&gt; (Ctrl+Shift+C), or type a broker URL such as &lt;code&gt;stomp://localhost:61613&lt;/code&gt; in the quick-connect box above the list.&lt;/p&gt;&lt;p&gt;The &lt;b&gt;Sandbox&lt;/b&gt; profile starts a built-in broker with demo traffic: nothing to install.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;STOMP Explorer&lt;/h2&gt;&lt;p&gt;왼쪽에서 프로필을 고르고 &lt;b&gt;연결&lt;/b&gt;(Ctrl+Shift+C)을 누르거나, 목록 위의 빠른 연결 칸에 &lt;code&gt;stomp://localhost:61613&lt;/code&gt; 같은 브로커 URL을 입력하세요.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sandbox&lt;/b&gt; 프로필은 데모 트래픽이 흐르는 내장 브로커를 시작합니다. 따로 설치할 것이 없습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Connect the selected profile (Ctrl+Shift+C)</source>
        <translation>선택한 프로필로 연결(Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>Disconnect the connection shown on the right (Ctrl+Shift+D)</source>
        <translation>오른쪽에 보이는 연결 끊기(Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>작성기</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Connect the selected profile</source>
        <translation>선택한 프로필로 연결</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <source>Disconnect the current connection</source>
        <translation>현재 연결 끊기</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Language and log size</source>
        <translation>언어와 로그 크기</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>로그(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>일시 정지 / 다시 시작(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume the log</source>
        <translation>로그를 멈추거나 다시 시작</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>필터(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>로그 필터</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>작성(&amp;C)</translation>
    </message>
    <message>
        <source>Go to the composer</source>
        <translation>작성기로 이동</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>배치 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About STOMP Explorer</source>
        <translation>STOMP Explorer 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Select a profile first.</source>
        <translation>먼저 프로필을 선택하세요.</translation>
    </message>
    <message>
        <source>Cannot connect {name}: {error}</source>
        <translation>{name}에 연결할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Re-enter passcode</source>
        <translation>패스코드 다시 입력</translation>
    </message>
    <message>
        <source>Disconnect and close this tab</source>
        <translation>연결을 끊고 이 탭 닫기</translation>
    </message>
    <message>
        <source>{name} — STOMP Explorer</source>
        <translation>{name} — STOMP Explorer</translation>
    </message>
    <message>
        <source>Not connected: connect a profile first.</source>
        <translation>연결되어 있지 않습니다. 먼저 프로필을 연결하세요.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
    <message>
        <source>Something went wrong inside STOMP Explorer: {error} (details in the terminal; please report it)</source>
        <translation>STOMP Explorer 내부에서 문제가 생겼습니다: {error} (자세한 내용은 터미널에 있습니다. 알려 주세요)</translation>
    </message>
</context>
<context>
    <name>MessageDetail</name>
    <message>
        <source>Select a message to see its headers and body.</source>
        <translation>메시지를 선택하면 헤더와 본문이 보입니다.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>16진수</translation>
    </message>
    <message>
        <source>How to show the body</source>
        <translation>본문 표시 방식</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>본문 복사</translation>
    </message>
    <message>
        <source>Copy headers</source>
        <translation>헤더 복사</translation>
    </message>
    <message>
        <source>Copy as raw frame</source>
        <translation>원시 프레임으로 복사</translation>
    </message>
    <message>
        <source>ACK</source>
        <translation>ACK</translation>
    </message>
    <message>
        <source>Acknowledge this message: the broker removes it</source>
        <translation>이 메시지를 확인합니다. 브로커가 메시지를 제거합니다</translation>
    </message>
    <message>
        <source>NACK</source>
        <translation>NACK</translation>
    </message>
    <message>
        <source>Reject this message: the broker redelivers or dead-letters it</source>
        <translation>이 메시지를 거부합니다. 브로커가 다시 전달하거나 데드 레터로 보냅니다</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Headers in wire order (repeats kept)</source>
        <translation>회선 순서대로의 헤더(중복 포함)</translation>
    </message>
    <message>
        <source>The body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>The body as a foldable JSON tree</source>
        <translation>접을 수 있는 JSON 트리로 본 본문</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <source>Show the whole body (may take a moment)</source>
        <translation>본문 전체 보기(잠시 걸릴 수 있음)</translation>
    </message>
    <message>
        <source>Save body to file…</source>
        <translation>본문을 파일로 저장…</translation>
    </message>
    <message>
        <source>Write the whole body, byte for byte, to a file</source>
        <translation>본문 전체를 바이트 그대로 파일에 씁니다</translation>
    </message>
    <message>
        <source>{command} {destination} · {size}</source>
        <translation>{command} {destination} · {size}</translation>
    </message>
    <message>
        <source>Save body</source>
        <translation>본문 저장</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Not valid JSON ({error}).</source>
        <translation>올바른 JSON이 아닙니다({error}).</translation>
    </message>
    <message>
        <source>Not well-formed XML ({error}).</source>
        <translation>올바른 형식의 XML이 아닙니다({error}).</translation>
    </message>
    <message>
        <source>Very long lines are shown broken every {n} characters; copy or save the body to keep them whole.</source>
        <translation>아주 긴 줄은 {n}자마다 나누어 표시합니다. 줄을 온전히 얻으려면 본문을 복사하거나 저장하세요.</translation>
    </message>
    <message>
        <source>Showing the first {shown} of a {size} body; save it to a file to see the rest.</source>
        <translation>{size} 본문 중 처음 {shown}만 표시합니다. 나머지는 파일로 저장해서 보세요.</translation>
    </message>
    <message>
        <source>Showing the first part of a {size} body.</source>
        <translation>{size} 본문의 앞부분만 표시합니다.</translation>
    </message>
</context>
<context>
    <name>MessageTableModel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>콘텐츠 형식</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>in</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>out</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>… {count} more header(s)</source>
        <translation>… 헤더 {count}개 더</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Passcodes are kept in memory only: this system has no keyring. You will be asked for them when connecting; install and unlock a keyring (for example gnome-keyring or KWallet) to save them.</source>
        <translation>이 시스템에는 키링이 없어 패스코드를 메모리에만 보관합니다. 연결할 때 패스코드를 묻습니다. 저장하려면 키링(예: gnome-keyring 또는 KWallet)을 설치하고 잠금을 해제하세요.</translation>
    </message>
    <message>
        <source>The broker refused the connection.</source>
        <translation>브로커가 연결을 거부했습니다.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection failed: check the profile&apos;s TLS settings and certificates.</source>
        <translation>보안(TLS) 연결에 실패했습니다. 프로필의 TLS 설정과 인증서를 확인하세요.</translation>
    </message>
    <message>
        <source>The WebSocket handshake was refused: check the URL&apos;s path and the profile&apos;s WebSocket settings.</source>
        <translation>WebSocket 핸드셰이크가 거부되었습니다. URL 경로와 프로필의 WebSocket 설정을 확인하세요.</translation>
    </message>
    <message>
        <source>Nothing answers at this address: is the broker running, and are the host and port right?</source>
        <translation>이 주소에서 응답이 없습니다. 브로커가 실행 중인지, 호스트와 포트가 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The host name cannot be resolved: check the URL.</source>
        <translation>호스트 이름을 찾을 수 없습니다. URL을 확인하세요.</translation>
    </message>
    <message>
        <source>The broker cannot be reached.</source>
        <translation>브로커에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>The broker did not answer in time.</source>
        <translation>브로커가 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>The broker went silent (heart-beats stopped).</source>
        <translation>브로커의 응답이 끊겼습니다(하트비트 중단).</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>Unexpected error.</source>
        <translation>예기치 않은 오류입니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Virtual host</source>
        <translation>가상 호스트</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>패스코드</translation>
    </message>
    <message>
        <source>STOMP versions</source>
        <translation>STOMP 버전</translation>
    </message>
    <message>
        <source>Heart-beat</source>
        <translation>하트비트</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 파일</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>Handshake headers</source>
        <translation>핸드셰이크 헤더</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Split rule</source>
        <translation>분할 규칙</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>구독</translation>
    </message>
    <message>
        <source>Management URL</source>
        <translation>관리 URL</translation>
    </message>
    <message>
        <source>Jolokia URL</source>
        <translation>Jolokia URL</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색상</translation>
    </message>
    <message>
        <source>The name is empty: give the profile a name.</source>
        <translation>이름이 비어 있습니다. 프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The name starts or ends with spaces.</source>
        <translation>이름이 공백으로 시작하거나 끝납니다.</translation>
    </message>
    <message>
        <source>The name cannot contain &apos;/&apos;.</source>
        <translation>이름에 &apos;/&apos;를 넣을 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose at least one STOMP version.</source>
        <translation>STOMP 버전을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <source>Reconnect delays must be more than 0 ms.</source>
        <translation>재연결 지연은 0 ms보다 커야 합니다.</translation>
    </message>
    <message>
        <source>A client key needs a client certificate.</source>
        <translation>클라이언트 키에는 클라이언트 인증서가 필요합니다.</translation>
    </message>
    <message>
        <source>A profile with this name already exists.</source>
        <translation>같은 이름의 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>The URL is empty: type one such as stomp://localhost:61613.</source>
        <translation>URL이 비어 있습니다. stomp://localhost:61613 같은 URL을 입력하세요.</translation>
    </message>
    <message>
        <source>This URL cannot be used.</source>
        <translation>이 URL은 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>PasscodePrompt</name>
    <message>
        <source>Passcode for {profile}</source>
        <translation>{profile}의 패스코드</translation>
    </message>
    <message>
        <source>Passcode of {login} on {profile}.
It is saved in the system keyring once the broker accepts it.</source>
        <translation>{profile}의 {login} 패스코드입니다.
브로커가 받아들이면 시스템 키링에 저장됩니다.</translation>
    </message>
    <message>
        <source>Passcode of {login} on {profile}.
There is no keyring on this system, so it is kept only until STOMP Explorer quits.</source>
        <translation>{profile}에서 쓸 {login}의 패스코드입니다.
이 시스템에는 키링이 없어서 STOMP Explorer를 끝낼 때까지만 보관합니다.</translation>
    </message>
    <message>
        <source>Sent in CONNECT; never written to a file</source>
        <translation>CONNECT에 담아 보내며 파일에는 절대 저장하지 않습니다</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>New profile</source>
        <translation>새 프로필</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>프로필 편집</translation>
    </message>
    <message>
        <source>Groups of settings</source>
        <translation>설정 그룹</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>관리</translation>
    </message>
    <message>
        <source>Tree &amp; subscriptions</source>
        <translation>트리 및 구독</translation>
    </message>
    <message>
        <source>Colour &amp; notes</source>
        <translation>색상 및 메모</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Connect once with these settings (nothing is saved) and report the negotiated STOMP version, the server and the heart-beat</source>
        <translation>이 설정으로 한 번 연결해(저장하지 않음) 협상된 STOMP 버전, 서버, 하트비트를 알려 줍니다</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>행 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>선택한 행 삭제</translation>
    </message>
    <message>
        <source>How the profile is listed; must be unique</source>
        <translation>목록에 보일 프로필 이름. 겹치면 안 됩니다</translation>
    </message>
    <message>
        <source>e.g. Local ActiveMQ</source>
        <translation>예: 로컬 ActiveMQ</translation>
    </message>
    <message>
        <source>Broker address: stomp://host:61613, stomp+ssl://host:61614, ws://host:15674/ws or wss://host/ws</source>
        <translation>브로커 주소: stomp://host:61613, stomp+ssl://host:61614, ws://host:15674/ws 또는 wss://host/ws</translation>
    </message>
    <message>
        <source>Login sent in CONNECT (empty: none)</source>
        <translation>CONNECT에 보낼 로그인(비우면 보내지 않음)</translation>
    </message>
    <message>
        <source>Passcode sent in CONNECT; kept in the system keyring, never in the profiles file</source>
        <translation>CONNECT에 보낼 패스코드. 시스템 키링에만 보관하고 프로필 파일에는 절대 저장하지 않습니다</translation>
    </message>
    <message>
        <source>The CONNECT host header. RabbitMQ reads it as the virtual host; empty sends &quot;/&quot;</source>
        <translation>CONNECT의 host 헤더. RabbitMQ는 가상 호스트로 읽습니다. 비우면 &quot;/&quot;를 보냅니다</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>로그인(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Passcode:</source>
        <translation>패스코드(&amp;P):</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <source>Without a keyring, secrets are kept only until the app quits and asked for again when connecting</source>
        <translation>키링이 없으면 비밀 값은 앱을 끝낼 때까지만 보관되고 연결할 때 다시 묻습니다</translation>
    </message>
    <message>
        <source>&amp;Virtual host:</source>
        <translation>가상 호스트(&amp;V):</translation>
    </message>
    <message>
        <source>STOMP versions offered</source>
        <translation>제안할 STOMP 버전</translation>
    </message>
    <message>
        <source>The broker picks the highest version both sides accept</source>
        <translation>브로커가 양쪽 모두 받아들이는 가장 높은 버전을 고릅니다</translation>
    </message>
    <message>
        <source>Offer STOMP %1 in accept-version</source>
        <translation>accept-version에 STOMP %1 포함</translation>
    </message>
    <message>
        <source>Heart-beat</source>
        <translation>하트비트</translation>
    </message>
    <message>
        <source>How often we promise to send something (0 = never)</source>
        <translation>우리가 무엇이든 보내기로 약속하는 주기(0 = 보내지 않음)</translation>
    </message>
    <message>
        <source>How often we want to hear from the broker (0 = never)</source>
        <translation>브로커에게서 받고 싶은 주기(0 = 받지 않음)</translation>
    </message>
    <message>
        <source>Send every:</source>
        <translation>보내는 주기:</translation>
    </message>
    <message>
        <source>Expect every:</source>
        <translation>받는 주기:</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>자동으로 다시 연결</translation>
    </message>
    <message>
        <source>After the connection drops, try again with growing delays and re-subscribe</source>
        <translation>연결이 끊기면 간격을 늘려 가며 다시 시도하고 다시 구독합니다</translation>
    </message>
    <message>
        <source>Wait before the first retry</source>
        <translation>첫 재시도 전 대기 시간</translation>
    </message>
    <message>
        <source>The longest wait between retries</source>
        <translation>재시도 사이 최대 대기 시간</translation>
    </message>
    <message>
        <source>First delay:</source>
        <translation>첫 대기:</translation>
    </message>
    <message>
        <source>Maximum delay:</source>
        <translation>최대 대기:</translation>
    </message>
    <message>
        <source>Verify the broker&apos;s certificate</source>
        <translation>브로커 인증서 확인</translation>
    </message>
    <message>
        <source>Turn off only for test brokers with self-signed certificates</source>
        <translation>자체 서명 인증서를 쓰는 테스트 브로커에서만 끄세요</translation>
    </message>
    <message>
        <source>PEM file with the CA certificates to trust (empty: the system&apos;s)</source>
        <translation>신뢰할 CA 인증서가 든 PEM 파일(비우면 시스템 것 사용)</translation>
    </message>
    <message>
        <source>Client certificate (PEM) when the broker asks for one</source>
        <translation>브로커가 요구할 때 쓸 클라이언트 인증서(PEM)</translation>
    </message>
    <message>
        <source>Private key of the client certificate (PEM)</source>
        <translation>클라이언트 인증서의 개인 키(PEM)</translation>
    </message>
    <message>
        <source>Passphrase of the private key; kept in the system keyring</source>
        <translation>개인 키의 암호. 시스템 키링에 보관합니다</translation>
    </message>
    <message>
        <source>Name the certificate must match (SNI); empty: the URL&apos;s host</source>
        <translation>인증서와 일치해야 할 이름(SNI). 비우면 URL의 호스트</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 파일:</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 인증서</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>클라이언트 인증서:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>클라이언트 키:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>키 암호:</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>서버 이름:</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Extra HTTP headers for the WebSocket handshake. Values of Authorization, Cookie and similar headers are kept in the system keyring</source>
        <translation>WebSocket 핸드셰이크에 추가할 HTTP 헤더. Authorization, Cookie 같은 헤더 값은 시스템 키링에 보관합니다</translation>
    </message>
    <message>
        <source>Origin header of the handshake (Spring applications check it)</source>
        <translation>핸드셰이크의 Origin 헤더(Spring 애플리케이션이 확인합니다)</translation>
    </message>
    <message>
        <source>Handshake headers:</source>
        <translation>핸드셰이크 헤더:</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>Origin:</translation>
    </message>
    <message>
        <source>How destination names are split into the levels of the destination tree</source>
        <translation>목적지 이름을 목적지 트리의 단계로 나누는 방식</translation>
    </message>
    <message>
        <source>Slashes and dots (/queue/a.b)</source>
        <translation>슬래시와 점(/queue/a.b)</translation>
    </message>
    <message>
        <source>Slashes only (/topic/a/b)</source>
        <translation>슬래시만(/topic/a/b)</translation>
    </message>
    <message>
        <source>Dots only (a.b.c)</source>
        <translation>점만(a.b.c)</translation>
    </message>
    <message>
        <source>Do not split</source>
        <translation>나누지 않음</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Ack mode</source>
        <translation>Ack 모드</translation>
    </message>
    <message>
        <source>Headers (name=value; …)</source>
        <translation>헤더(이름=값; …)</translation>
    </message>
    <message>
        <source>Subscriptions opened as soon as the profile connects. Ack mode: %1</source>
        <translation>프로필이 연결되자마자 여는 구독. Ack 모드: %1</translation>
    </message>
    <message>
        <source>Split rule:</source>
        <translation>나누기 규칙:</translation>
    </message>
    <message>
        <source>Subscribe on connect:</source>
        <translation>연결 시 구독:</translation>
    </message>
    <message>
        <source>ActiveMQ&apos;s Jolokia endpoint, used to list destinations</source>
        <translation>목적지 목록을 가져올 ActiveMQ Jolokia 주소</translation>
    </message>
    <message>
        <source>RabbitMQ&apos;s management API, used to list queues and exchanges</source>
        <translation>큐와 익스체인지 목록을 가져올 RabbitMQ 관리 API</translation>
    </message>
    <message>
        <source>Login for the management endpoints</source>
        <translation>관리 주소용 로그인</translation>
    </message>
    <message>
        <source>Password for the management endpoints; kept in the system keyring</source>
        <translation>관리 주소용 비밀번호. 시스템 키링에 보관합니다</translation>
    </message>
    <message>
        <source>Jolokia URL:</source>
        <translation>Jolokia URL:</translation>
    </message>
    <message>
        <source>Management URL:</source>
        <translation>관리 URL:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>로그인:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <source>A colour to tell connections apart (e.g. red for production)</source>
        <translation>연결을 구별할 색(예: 운영 환경은 빨강)</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>색 고르기</translation>
    </message>
    <message>
        <source>Anything worth remembering about this broker</source>
        <translation>이 브로커에 대해 기억해 둘 내용</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>색:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Profile colour</source>
        <translation>프로필 색</translation>
    </message>
    <message>
        <source>header &apos;%1&apos; of subscription %2 should be name=value</source>
        <translation>구독 %2의 헤더 &apos;%1&apos;은(는) 이름=값 형식이어야 합니다</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>프로필 저장</translation>
    </message>
    <message>
        <source>Cannot save yet: %1</source>
        <translation>아직 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Fix first: %1</source>
        <translation>먼저 고치세요: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>연결됨: %1</translation>
    </message>
</context>
<context>
    <name>ProfileListModel</name>
    <message>
        <source>login: %1</source>
        <translation>로그인: %1</translation>
    </message>
    <message>
        <source>built in: can be hidden or duplicated, not changed</source>
        <translation>내장 프로필: 숨기거나 복제할 수 있지만 바꿀 수는 없습니다</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>숨김</translation>
    </message>
</context>
<context>
    <name>ProfileListWidget</name>
    <message>
        <source>Saved profiles; double-click one to connect</source>
        <translation>저장된 프로필. 두 번 클릭하면 연결합니다</translation>
    </message>
    <message>
        <source>Quick connect: stomp://host:61613</source>
        <translation>빠른 연결: stomp://host:61613</translation>
    </message>
    <message>
        <source>Type a broker URL (stomp://, stomp+ssl://, ws://, wss://) and press Enter to connect without saving a profile</source>
        <translation>브로커 URL(stomp://, stomp+ssl://, ws://, wss://)을 입력하고 Enter를 누르면 프로필을 저장하지 않고 연결합니다</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Create a profile</source>
        <translation>프로필 만들기</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Change the selected profile</source>
        <translation>선택한 프로필 바꾸기</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Copy the selected profile, secrets included</source>
        <translation>선택한 프로필을 비밀 값까지 복사</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected profile (you can undo)</source>
        <translation>선택한 프로필 삭제(되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move the selected profile up</source>
        <translation>선택한 프로필을 위로 이동</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Move the selected profile down</source>
        <translation>선택한 프로필을 아래로 이동</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <source>Hide or show the selected profile in this list</source>
        <translation>선택한 프로필을 이 목록에서 숨기거나 표시</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>선택한 프로필로 연결</translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation>숨긴 항목 표시</translation>
    </message>
    <message>
        <source>Also list the profiles you have hidden</source>
        <translation>숨긴 프로필도 목록에 표시</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Bring the deleted profile back, secrets included</source>
        <translation>삭제한 프로필을 비밀 값까지 되살리기</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>“%1”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>이동</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
    <message>
        <source>The broker refused the login for &apos;{login}&apos;: {detail}. Check the login and passcode.</source>
        <translation>브로커가 &apos;{login}&apos;의 로그인을 거부했습니다: {detail}. 로그인과 패스코드를 확인하세요.</translation>
    </message>
    <message>
        <source>Could not subscribe to {destination}: {error}</source>
        <translation>{destination}을(를) 구독할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Destination discovery through {source} failed: {error}</source>
        <translation>{source}을(를) 통한 목적지 찾기에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>Destination discovery stopped: {error}</source>
        <translation>목적지 찾기가 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>attempt {n}</source>
        <translation>{n}번째 시도</translation>
    </message>
    <message>
        <source>(no message header)</source>
        <translation>(message 헤더 없음)</translation>
    </message>
    <message>
        <source>The broker sent an ERROR: {message}</source>
        <translation>브로커가 ERROR를 보냈습니다: {message}</translation>
    </message>
    <message>
        <source>Not connected: wait until the connection is up.</source>
        <translation>연결되어 있지 않습니다. 연결될 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Peeked at {count} message(s) on {destination}; they stay on the queue.</source>
        <translation>{destination}의 메시지 {count}건을 엿보았습니다. 메시지는 큐에 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>Consuming {destination}: select a message and press ACK or NACK in the message pane.</source>
        <translation>{destination}을(를) 소비하는 중: 메시지를 선택하고 메시지 창에서 ACK 또는 NACK를 누르세요.</translation>
    </message>
    <message>
        <source>Draining {destination}: every message is removed.</source>
        <translation>{destination}을(를) 비우는 중: 모든 메시지가 제거됩니다.</translation>
    </message>
    <message>
        <source>Observing {destination}</source>
        <translation>{destination} 관찰 중</translation>
    </message>
    <message>
        <source>The browse of {destination} did not end within {seconds:g} s.</source>
        <translation>{destination} 둘러보기가 {seconds:g}초 안에 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>Acknowledged (ACK) {id}</source>
        <translation>확인 응답(ACK) 보냄: {id}</translation>
    </message>
    <message>
        <source>Rejected (NACK) {id}</source>
        <translation>거부(NACK) 보냄: {id}</translation>
    </message>
    <message>
        <source>Subscribed to {destination}</source>
        <translation>{destination} 구독 중</translation>
    </message>
    <message>
        <source>Unsubscribed from {destination}</source>
        <translation>{destination} 구독 해지</translation>
    </message>
    <message>
        <source>Sent {count} frames in {ms:.0f} ms</source>
        <translation>프레임 {count}개를 {ms:.0f} ms에 보냈습니다</translation>
    </message>
    <message>
        <source>Sent {command}</source>
        <translation>{command} 보냄</translation>
    </message>
    <message>
        <source>receipt after {ms:.1f} ms</source>
        <translation>{ms:.1f} ms 후 영수증 받음</translation>
    </message>
    <message>
        <source>(no receipt requested)</source>
        <translation>(영수증 요청 안 함)</translation>
    </message>
    <message>
        <source>The broker refused the {command}: {error}</source>
        <translation>브로커가 {command}을(를) 거부했습니다: {error}</translation>
    </message>
    <message>
        <source>The broker sent an ERROR right after the SEND, so it was probably refused: {error}</source>
        <translation>SEND 직후 브로커가 ERROR를 보냈으므로 거부된 것 같습니다: {error}</translation>
    </message>
    <message>
        <source>The raw frame is not valid STOMP: {error}</source>
        <translation>원시 프레임이 올바른 STOMP가 아닙니다: {error}</translation>
    </message>
    <message>
        <source>The raw text holds no complete frame: end each frame with ␀.</source>
        <translation>원시 텍스트에 완전한 프레임이 없습니다. 각 프레임을 ␀로 끝내세요.</translation>
    </message>
    <message>
        <source>Sent {count} raw frame(s)</source>
        <translation>원시 프레임 {count}개 보냄</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>The language of the interface</source>
        <translation>화면에 쓸 언어</translation>
    </message>
    <message>
        <source>How many messages each connection&apos;s log keeps; older ones are evicted</source>
        <translation>연결마다 로그에 남길 메시지 수. 오래된 것부터 밀려납니다</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Light or dark colours; by default as the system</source>
        <translation>밝은 색 또는 어두운 색. 기본값은 시스템 설정</translation>
    </message>
    <message>
        <source>A new language applies the next time STOMP Explorer starts.</source>
        <translation>새 언어는 STOMP Explorer를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>모양:</translation>
    </message>
    <message>
        <source>Messages kept per connection:</source>
        <translation>연결당 보관할 메시지:</translation>
    </message>
</context>
<context>
    <name>TrafficModel</name>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Wire bytes (␀ = NUL, ↵ = LF)</source>
        <translation>회선 바이트(␀ = NUL, ↵ = LF)</translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Every frame and heart-beat on the wire; passcodes as ***</source>
        <translation>회선을 오간 모든 프레임과 하트비트. 패스코드는 ***로 표시</translation>
    </message>
    <message>
        <source>The selected record, byte-exact, then as hex</source>
        <translation>선택한 기록을 바이트 그대로, 이어서 16진수로</translation>
    </message>
    <message>
        <source>Heart-beats</source>
        <translation>하트비트</translation>
    </message>
    <message>
        <source>Show heart-beat records</source>
        <translation>하트비트 기록 표시</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Forget the records shown so far</source>
        <translation>지금까지의 기록 지우기</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>기록 {count}건</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
</context>
</TS>
