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
        <translation>STOMP 메시징을 들여다봅니다: 실시간 목적지 트리, 메시지 로그, 프레임을 쓰는 메시지 작성 창.</translation>
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
    <name>AnotherUser</name>
    <message>
        <source>Open as &amp;Another User…</source>
        <translation>다른 사용자로 열기(&amp;A)…</translation>
    </message>
    <message>
        <source>The current connection and its subscriptions in a new tab, as another user</source>
        <translation>현재 연결과 그 구독을 다른 사용자로 새 탭에서 엽니다</translation>
    </message>
    <message>
        <source>Open as Another User…</source>
        <translation>다른 사용자로 열기…</translation>
    </message>
</context>
<context>
    <name>AnotherUserDialog</name>
    <message>
        <source>Open as another user</source>
        <translation>다른 사용자로 열기</translation>
    </message>
    <message>
        <source>for example bob</source>
        <translation>예: bob</translation>
    </message>
    <message>
        <source>only if the server reads a bearer token</source>
        <translation>서버가 Bearer 토큰을 읽을 때만</translation>
    </message>
    <message>
        <source>A new tab connects to {name} with the same subscriptions as this one, as another user: watch both users&apos; /user/queue/… side by side. Nothing typed here is saved.</source>
        <translation>새 탭이 이 탭과 같은 구독으로 {name}에 다른 사용자로 연결합니다. 두 사용자의 /user/queue/…를 나란히 볼 수 있습니다. 여기에 입력한 것은 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>로그인:</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>패스코드:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>토큰:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Give a login or a token.</source>
        <translation>로그인이나 토큰을 입력하세요.</translation>
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
    <name>BenchDialog</name>
    <message>
        <source>Benchmark — {name}</source>
        <translation>벤치마크 — {name}</translation>
    </message>
    <message>
        <source>Against {url} with connections of its own (the tab&apos;s connection is left alone). Every message is stamped; latency is send → receive.</source>
        <translation>{url}에 별도의 연결을 열어 측정합니다(탭의 연결은 건드리지 않음). 메시지마다 시각을 기록하며, 지연 시간은 보내기 → 받기 사이의 시간입니다.</translation>
    </message>
    <message>
        <source>a new /queue/stomp-explorer.bench.… queue</source>
        <translation>새 /queue/stomp-explorer.bench.… 큐</translation>
    </message>
    <message>
        <source>On a /topic/ every consumer receives every message</source>
        <translation>/topic/에서는 모든 소비자가 모든 메시지를 받습니다</translation>
    </message>
    <message>
        <source>Messages to send in total</source>
        <translation>보낼 메시지의 총수</translation>
    </message>
    <message>
        <source>Messages per second in total; max sends as fast as it can</source>
        <translation>전체 초당 메시지 수. 최대로 두면 가능한 한 빠르게 보냅니다</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> 건/초</translation>
    </message>
    <message>
        <source>Body size of every message</source>
        <translation>메시지마다의 본문 크기</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>Sending connections, each on its own thread</source>
        <translation>보내는 연결 수(각각 별도 스레드에서 실행)</translation>
    </message>
    <message>
        <source>Receiving connections</source>
        <translation>받는 연결 수</translation>
    </message>
    <message>
        <source>Persistent messages</source>
        <translation>영속 메시지</translation>
    </message>
    <message>
        <source>Send with persistent:true (the broker stores them)</source>
        <translation>persistent:true로 보냅니다(브로커가 저장함)</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>본문 크기</translation>
    </message>
    <message>
        <source>consumers</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>생산자</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Connect, send, receive and measure</source>
        <translation>연결하고, 보내고, 받으며 측정합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>실행 중지</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>JSON으로 복사</translation>
    </message>
    <message>
        <source>The same JSON as stomp-explorer bench --format json</source>
        <translation>stomp-explorer bench --format json과 같은 JSON</translation>
    </message>
    <message>
        <source>%v of %m received</source>
        <translation>%m건 중 %v건 받음</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>유실</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>순서 어긋남</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>메시지/초</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/초</translation>
    </message>
    <message>
        <source>Sending/s</source>
        <translation>보내기/초</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>지연 시간(ms)</translation>
    </message>
    <message>
        <source>Running: {count} messages to {destination}…</source>
        <translation>실행 중: {destination}(으)로 메시지 {count}건…</translation>
    </message>
    <message>
        <source>Done: {lost} of {expected} messages did not arrive.</source>
        <translation>완료: 메시지 {expected}건 중 {lost}건이 도착하지 않았습니다.</translation>
    </message>
    <message>
        <source>Done: every message arrived, none twice.</source>
        <translation>완료: 모든 메시지가 한 번씩 도착했습니다.</translation>
    </message>
    <message>
        <source>Done: every message arrived; {count} more than once.</source>
        <translation>완료: 모든 메시지가 도착했고, {count}건은 두 번 이상 도착했습니다.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>Stopped (producers finish the message they are sending).</source>
        <translation>중지했습니다(생산자는 보내던 메시지까지 마칩니다).</translation>
    </message>
    <message>
        <source>Copied the figures as JSON.</source>
        <translation>측정값을 JSON으로 복사했습니다.</translation>
    </message>
</context>
<context>
    <name>BrowserPathPages</name>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Extra CONNECT headers (a Spring ChannelInterceptor reads them). Values of headers that carry credentials are kept in the system keyring</source>
        <translation>추가 CONNECT 헤더(Spring ChannelInterceptor가 읽음). 자격 증명을 담은 헤더 값은 시스템 키링에 보관합니다</translation>
    </message>
    <message>
        <source>CONNECT headers:</source>
        <translation>CONNECT 헤더:</translation>
    </message>
    <message>
        <source>Where the bearer token comes from; a command runs before every connect</source>
        <translation>Bearer 토큰을 가져올 곳. 명령은 연결할 때마다 먼저 실행됩니다</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>토큰 없음</translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation>키링에 보관</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Command (run before every connect)</source>
        <translation>명령(연결할 때마다 실행)</translation>
    </message>
    <message>
        <source>The token, kept in the keyring</source>
        <translation>토큰. 키링에 보관합니다</translation>
    </message>
    <message>
        <source>The variable holding the token</source>
        <translation>토큰이 든 환경 변수</translation>
    </message>
    <message>
        <source>A command that prints the token (one line), e.g. a credential helper</source>
        <translation>토큰을 한 줄로 출력하는 명령. 예: 자격 증명 도우미</translation>
    </message>
    <message>
        <source>Where the token goes; a browser page cannot set handshake headers</source>
        <translation>토큰을 넣을 곳. 브라우저 페이지는 핸드셰이크 헤더를 설정할 수 없습니다</translation>
    </message>
    <message>
        <source>CONNECT header</source>
        <translation>CONNECT 헤더</translation>
    </message>
    <message>
        <source>Handshake header</source>
        <translation>핸드셰이크 헤더</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>쿼리 매개변수</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>쿠키</translation>
    </message>
    <message>
        <source>Header, parameter or cookie name</source>
        <translation>헤더, 매개변수 또는 쿠키 이름</translation>
    </message>
    <message>
        <source>Authorization (headers), access_token (query, cookie)</source>
        <translation>Authorization(헤더), access_token(쿼리, 쿠키)</translation>
    </message>
    <message>
        <source>Text before the token</source>
        <translation>토큰 앞에 붙일 텍스트</translation>
    </message>
    <message>
        <source>&apos;Bearer &apos; in an Authorization header</source>
        <translation>Authorization 헤더라면 &apos;Bearer &apos;</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>토큰:</translation>
    </message>
    <message>
        <source>Token value:</source>
        <translation>토큰 값:</translation>
    </message>
    <message>
        <source>Variable:</source>
        <translation>변수:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Put it in:</source>
        <translation>넣을 곳:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>접두사:</translation>
    </message>
    <message>
        <source>Browser-like: only what a web page can do</source>
        <translation>브라우저처럼: 웹 페이지가 할 수 있는 것만</translation>
    </message>
    <message>
        <source>No handshake headers but cookies, an Origin (the endpoint&apos;s own unless set on the WebSocket page), subprotocols v10.stomp, v11.stomp, v12.stomp</source>
        <translation>쿠키 외의 핸드셰이크 헤더 없음, Origin(WebSocket 페이지에서 정하지 않으면 엔드포인트 자신의 것), 서브프로토콜 v10.stomp, v11.stomp, v12.stomp</translation>
    </message>
    <message>
        <source>For http:// and https:// URLs (SockJS): the transport to use</source>
        <translation>http://, https:// URL(SockJS)에 쓸 전송 방식</translation>
    </message>
    <message>
        <source>Best offered (websocket, xhr-streaming, xhr-polling)</source>
        <translation>제공되는 것 중 최선(websocket, xhr-streaming, xhr-polling)</translation>
    </message>
    <message>
        <source>SockJS transport:</source>
        <translation>SockJS 전송 방식:</translation>
    </message>
    <message>
        <source>An http:// or https:// URL is a SockJS endpoint (Spring&apos;s withSockJS()); without SockJS there, a raw WebSocket on the same path is used.</source>
        <translation>http:// 또는 https:// URL은 SockJS 엔드포인트(Spring의 withSockJS())입니다. 그곳에 SockJS가 없으면 같은 경로의 원시 WebSocket을 씁니다.</translation>
    </message>
</context>
<context>
    <name>BuiltinProfiles</name>
    <message>
        <source>Built-in broker with demo traffic, started inside the app. Nothing leaves this computer.</source>
        <translation>데모 트래픽이 흐르는 내장 브로커로, 앱 안에서 시작됩니다. 이 컴퓨터 밖으로는 아무것도 나가지 않습니다.</translation>
    </message>
</context>
<context>
    <name>CaptureTableModel</name>
    <message>
        <source>This message was evicted by the capture&apos;s caps.</source>
        <translation>캡처의 한도를 넘어 이 메시지는 밀려났습니다.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
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
        <source>(evicted)</source>
        <translation>(밀려남)</translation>
    </message>
    <message>
        <source>… {count} more header(s)</source>
        <translation>… 헤더 {count}개 더</translation>
    </message>
</context>
<context>
    <name>CaptureTreeModel</name>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <source>Read the capture again (it may still be recorded)</source>
        <translation>캡처를 다시 읽습니다(아직 기록 중일 수 있음)</translation>
    </message>
    <message>
        <source>Export the messages shown (all, or the search&apos;s matches) as JSON Lines or CSV</source>
        <translation>표시된 메시지(전체 또는 검색 결과)를 JSON Lines나 CSV로 내보냅니다</translation>
    </message>
    <message>
        <source>Select a destination or folder to show only its messages</source>
        <translation>목적지나 폴더를 선택하면 그 메시지만 표시합니다</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>SQL WHERE</source>
        <translation>SQL WHERE</translation>
    </message>
    <message>
        <source>Search expressions, or (for experts) an SQL condition on the messages table</source>
        <translation>검색 식 또는 (전문가용) messages 테이블에 대한 SQL 조건</translation>
    </message>
    <message>
        <source>All frames</source>
        <translation>모든 프레임</translation>
    </message>
    <message>
        <source>Messages only</source>
        <translation>메시지만</translation>
    </message>
    <message>
        <source>All frames in and out (CONNECT, SUBSCRIBE, RECEIPT, …), or only MESSAGE, SEND and ERROR as the live log shows them</source>
        <translation>주고받은 모든 프레임(CONNECT, SUBSCRIBE, RECEIPT, …) 또는 실시간 로그처럼 MESSAGE, SEND, ERROR만</translation>
    </message>
    <message>
        <source>Stop the search</source>
        <translation>검색 중지</translation>
    </message>
    <message>
        <source>{count} frames</source>
        <translation>프레임 {count}개</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} ~ {last}</translation>
    </message>
    <message>
        <source>{count} evicted by the caps</source>
        <translation>한도 초과로 {count}건 밀려남</translation>
    </message>
    <message>
        <source>{count} not recorded (the disk could not keep up)</source>
        <translation>{count}건 기록 안 됨(디스크가 따라가지 못함)</translation>
    </message>
    <message>
        <source>SQL condition, e.g. body_size &gt; 1000 AND headers -&gt;&gt; &apos;$.type&apos; = &apos;refund&apos;</source>
        <translation>SQL 조건. 예: body_size &gt; 1000 AND headers -&gt;&gt; &apos;$.type&apos; = &apos;refund&apos;</translation>
    </message>
    <message>
        <source>e.g. $.user.id == 1001 and priority &gt; 4</source>
        <translation>예: $.user.id == 1001 and priority &gt; 4</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>search stopped</source>
        <translation>검색 중지됨</translation>
    </message>
    <message>
        <source>{found} of {total} · {seconds} s</source>
        <translation>{total}건 중 {found}건 · {seconds}초</translation>
    </message>
    <message>
        <source>Export {count} messages</source>
        <translation>메시지 {count}건 내보내기</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{count} messages exported to {path}</source>
        <translation>메시지 {count}건을 {path}(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>CaptureWorkspace</name>
    <message>
        <source>&amp;Open capture…</source>
        <translation>캡처 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a capture file (.stompcap) as a read-only tab</source>
        <translation>캡처 파일(.stompcap)을 읽기 전용 탭으로 엽니다</translation>
    </message>
    <message>
        <source>&amp;Import JSON Lines/CSV as capture…</source>
        <translation>JSON Lines/CSV를 캡처로 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Make a capture from an exported log and open it</source>
        <translation>내보낸 로그로 캡처를 만들어 엽니다</translation>
    </message>
    <message>
        <source>&amp;Record this connection…</source>
        <translation>이 연결 기록(&amp;R)…</translation>
    </message>
    <message>
        <source>Record every frame of the current connection to a capture file</source>
        <translation>현재 연결의 모든 프레임을 캡처 파일에 기록합니다</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>기록 중지(&amp;R)</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>캡처 열기</translation>
    </message>
    <message>
        <source>Captures (*{suffix});;All files (*)</source>
        <translation>캡처 (*{suffix});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Close this capture</source>
        <translation>이 캡처 닫기</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>캡처</translation>
    </message>
    <message>
        <source>Import as capture</source>
        <translation>캡처로 가져오기</translation>
    </message>
    <message>
        <source>Exported logs (*.jsonl *.json *.csv);;All files (*)</source>
        <translation>내보낸 로그 (*.jsonl *.json *.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Recording to a capture file</source>
        <translation>캡처 파일에 기록 중</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Frame command; RAW lets you type the whole frame as in nc (␀ ends it)</source>
        <translation>프레임 명령. RAW를 고르면 nc처럼 프레임 전체를 직접 입력합니다(␀로 끝남)</translation>
    </message>
    <message>
        <source>content-type header (empty: none)</source>
        <translation>content-type 헤더(비우면 보내지 않음)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>수신 확인</translation>
    </message>
    <message>
        <source>Ask the broker for a RECEIPT and show the round-trip time</source>
        <translation>브로커에 RECEIPT를 요청하고 왕복 시간을 표시합니다</translation>
    </message>
    <message>
        <source>Send this many copies; {{n}} in the body or headers becomes 1, 2, 3…</source>
        <translation>이 개수만큼 보냅니다. 본문이나 헤더의 {{n}}은 순번 1, 2, 3…으로 바뀝니다</translation>
    </message>
    <message>
        <source>Frames sent before: pick one to edit it again</source>
        <translation>이전에 보낸 프레임: 하나를 골라 다시 편집합니다</translation>
    </message>
    <message>
        <source>Preview the frame as it will be sent, templates expanded</source>
        <translation>실제로 보낼 프레임 미리 보기(템플릿을 채운 결과)</translation>
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
        <source>Body (text or JSON; {{n}} is the copy number)</source>
        <translation>본문(텍스트 또는 JSON. {{n}}은 순번)</translation>
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
        <source>One result per destination</source>
        <translation>목적지별 결과</translation>
    </message>
    <message>
        <source>Connect first, then send (Ctrl+Enter)</source>
        <translation>먼저 연결한 뒤 보내세요(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>→ {name}</source>
        <translation>→ {name}</translation>
    </message>
    <message>
        <source>→ no connection</source>
        <translation>→ 연결 없음</translation>
    </message>
    <message>
        <source>Send goes to the connection of the current tab: {name}</source>
        <translation>현재 탭의 연결로 보냅니다: {name}</translation>
    </message>
    <message>
        <source>Open a connection tab to send</source>
        <translation>보내려면 연결 탭을 여세요</translation>
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
        <source>(body of {size} not kept)</source>
        <translation>({size} 본문은 보관하지 않음)</translation>
    </message>
</context>
<context>
    <name>ComposerBody</name>
    <message>
        <source>Body from file…</source>
        <translation>파일을 본문으로…</translation>
    </message>
    <message>
        <source>Send a file&apos;s bytes as the body (for large bodies: never loaded here)</source>
        <translation>파일의 바이트를 그대로 본문으로 보냅니다(큰 본문용: 여기에 불러오지 않음)</translation>
    </message>
    <message>
        <source>Type a body instead</source>
        <translation>본문 직접 입력</translation>
    </message>
    <message>
        <source>Save as a file and send from it…</source>
        <translation>파일로 저장해서 보내기…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{name} · {size}, sent as it is (no templates)</source>
        <translation>{name} · {size}, 그대로 보냄(템플릿 없음)</translation>
    </message>
    <message>
        <source>Body from file</source>
        <translation>파일을 본문으로</translation>
    </message>
    <message>
        <source>The pasted text is {size}: typed in, it would freeze the window. Send it from a file instead.</source>
        <translation>붙여 넣은 텍스트가 {size}입니다. 입력란에 넣으면 창이 멈춥니다. 파일로 저장해서 보내세요.</translation>
    </message>
    <message>
        <source>Save the pasted text</source>
        <translation>붙여 넣은 텍스트 저장</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>ComposerCheck</name>
    <message>
        <source>body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>header {name}</source>
        <translation>헤더 {name}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>{line}행</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>{column}열</translation>
    </message>
    <message>
        <source>Template error ({place}): {reason}</source>
        <translation>템플릿 오류({place}): {reason}</translation>
    </message>
    <message>
        <source>Template error: {reason}</source>
        <translation>템플릿 오류: {reason}</translation>
    </message>
    <message>
        <source>A comma means several destinations only on ActiveMQ; this broker would take “{destination}” as one name. Use the + button to list several destinations (one SEND each).</source>
        <translation>쉼표로 여러 목적지를 지정하는 것은 ActiveMQ에서만 됩니다. 이 브로커는 “{destination}”을(를) 이름 하나로 받아들입니다. 여러 목적지는 + 버튼으로 나열하세요(목적지마다 SEND 한 번).</translation>
    </message>
    <message>
        <source>On ActiveMQ each destination after a comma needs its own prefix (/queue/, /topic/): “{part}” has none.</source>
        <translation>ActiveMQ에서는 쉼표 뒤의 목적지마다 접두사(/queue/, /topic/)가 있어야 합니다. “{part}”에는 없습니다.</translation>
    </message>
    <message>
        <source>One SEND to {count} destinations (ActiveMQ composite)</source>
        <translation>목적지 {count}개로 SEND 한 번(ActiveMQ 복합 목적지)</translation>
    </message>
    <message>
        <source>JSON error: {error}</source>
        <translation>JSON 오류: {error}</translation>
    </message>
    <message>
        <source>The body is not UTF-8 text after templates.</source>
        <translation>템플릿을 채운 본문이 UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>올바른 JSON</translation>
    </message>
</context>
<context>
    <name>ComposerLink</name>
    <message>
        <source>Not connected: connect a profile first.</source>
        <translation>연결되어 있지 않습니다. 먼저 프로필을 연결하세요.</translation>
    </message>
    <message>
        <source>Sent to {sent} of {count} destinations</source>
        <translation>목적지 {count}개 중 {sent}개로 보냈습니다</translation>
    </message>
</context>
<context>
    <name>ComposerPreview</name>
    <message>
        <source>Preview: the frame as it will be sent</source>
        <translation>미리 보기: 실제로 보낼 프레임</translation>
    </message>
    <message>
        <source>copy </source>
        <translation>순번 </translation>
    </message>
    <message>
        <source> of {count}</source>
        <translation> / {count}</translation>
    </message>
    <message>
        <source>{{uuid}}, {{now}} and fake data get new values for every copy sent.</source>
        <translation>{{uuid}}, {{now}}, 가짜 데이터는 메시지를 보낼 때마다 새 값으로 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>ConnectionOpener</name>
    <message>
        <source>Cannot connect {name}: {error}</source>
        <translation>{name}에 연결할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>The profile “{name}” was changed. Reconnect this tab to use the new settings; its log and tree stay.</source>
        <translation>프로필 “{name}”이(가) 바뀌었습니다. 새 설정을 쓰려면 이 탭을 다시 연결하세요. 로그와 트리는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Reconnect now with the new settings</source>
        <translation>새 설정으로 지금 다시 연결</translation>
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
        <source>Messages skipped because they arrived faster than the window can show them (counted on their destination, not logged)</source>
        <translation>창이 표시할 수 있는 것보다 빨리 도착해 건너뛴 메시지 수(목적지에는 집계하지만 로그에는 남기지 않음)</translation>
    </message>
    <message>
        <source>All your connections, by state</source>
        <translation>상태별 전체 연결</translation>
    </message>
    <message>
        <source>{n} connected</source>
        <translation>연결됨 {n}</translation>
    </message>
    <message>
        <source>{n} connecting</source>
        <translation>연결 중 {n}</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>실패 {n}</translation>
    </message>
    <message>
        <source>{n} disconnected</source>
        <translation>연결 끊김 {n}</translation>
    </message>
    <message>
        <source>, over SockJS {transport}</source>
        <translation>, SockJS {transport} 사용</translation>
    </message>
    <message>
        <source>, over a plain WebSocket (no SockJS at this address)</source>
        <translation>, 일반 WebSocket 사용(이 주소에 SockJS 없음)</translation>
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
    <message>
        <source>{count} skipped</source>
        <translation>{count}건 건너뜀</translation>
    </message>
</context>
<context>
    <name>ConnectionTabs</name>
    <message>
        <source>Disconnect and close this tab</source>
        <translation>연결을 끊고 이 탭 닫기</translation>
    </message>
    <message>
        <source>{url}
The broker&apos;s TLS certificate is not verified: anyone on the way can pose as the broker and read or change this connection.</source>
        <translation>{url}
브로커의 TLS 인증서를 확인하지 않습니다. 중간의 누구든 브로커를 사칭해 이 연결을 엿듣거나 바꿀 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
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
        <translation>연결로 오간 모든 프레임과 하트비트</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>Re-enter passcode</source>
        <translation>패스코드 다시 입력</translation>
    </message>
</context>
<context>
    <name>DestinationField</name>
    <message>
        <source>/queue/name or /topic/name</source>
        <translation>/queue/이름 또는 /topic/이름</translation>
    </message>
    <message>
        <source>Destination (completes from the destination tree). On ActiveMQ a comma makes one composite SEND: /queue/a,/topic/b</source>
        <translation>목적지(목적지 트리에서 자동 완성). ActiveMQ에서는 쉼표로 나열하면 SEND 한 번으로 여러 곳에 보냅니다: /queue/a,/topic/b</translation>
    </message>
    <message>
        <source>One destination per line: one SEND to each</source>
        <translation>한 줄에 목적지 하나: 목적지마다 SEND 한 번</translation>
    </message>
    <message>
        <source>Destinations, one per line: each gets its own SEND</source>
        <translation>목적지를 한 줄에 하나씩: 각각 따로 SEND합니다</translation>
    </message>
    <message>
        <source>Send to several destinations (a list, one per line)</source>
        <translation>여러 목적지로 보내기(한 줄에 하나씩 목록으로)</translation>
    </message>
    <message>
        <source>Back to one destination</source>
        <translation>목적지 하나로 돌아가기</translation>
    </message>
</context>
<context>
    <name>DestinationTreeModel</name>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Rate (/s)</source>
        <translation>속도(/초)</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 활동</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Destination; the badges count messages received (↓) and sent (↑)</source>
        <translation>목적지. 배지는 받은(↓) 메시지와 보낸(↑) 메시지 수입니다</translation>
    </message>
    <message>
        <source>Messages per second over the last 5 s, received and sent</source>
        <translation>최근 5초 동안의 초당 메시지 수(받음과 보냄)</translation>
    </message>
    <message>
        <source>When the newest message arrived or left</source>
        <translation>가장 최근 메시지를 받거나 보낸 시각</translation>
    </message>
    <message>
        <source>Messages waiting in the queue, as discovery reports it</source>
        <translation>큐에서 대기 중인 메시지 수(탐색 결과 기준)</translation>
    </message>
    <message>
        <source>Consumers of the destination, as discovery reports it</source>
        <translation>목적지의 소비자 수(탐색 결과 기준)</translation>
    </message>
    <message>
        <source>Who lists this destination: discovery, your traffic, reply-to headers</source>
        <translation>이 목적지를 알려 준 곳: 탐색, 내 트래픽, reply-to 헤더</translation>
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
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>reply-to header</source>
        <translation>reply-to 헤더</translation>
    </message>
    <message>
        <source>ActiveMQ advisories</source>
        <translation>ActiveMQ 어드바이저리</translation>
    </message>
    <message>
        <source>management API</source>
        <translation>관리 API</translation>
    </message>
    <message>
        <source>bookmark</source>
        <translation>책갈피</translation>
    </message>
    <message>
        <source>sandbox feed</source>
        <translation>샌드박스 피드</translation>
    </message>
    <message>
        <source>import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>consumers</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>enqueued</source>
        <translation>들어옴</translation>
    </message>
    <message>
        <source>dequeued</source>
        <translation>나감</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>“{name}” holds {count} message(s) that were not exported. Close the tab and discard them?</source>
        <translation>“{name}”에 내보내지 않은 메시지가 {count}건 있습니다. 탭을 닫고 버릴까요?</translation>
    </message>
    <message>
        <source>{count} message(s) in {tabs} tab(s) were not exported. Quit and discard them?</source>
        <translation>탭 {tabs}개에 내보내지 않은 메시지가 {count}건 있습니다. 끝내고 버릴까요?</translation>
    </message>
    <message>
        <source>Discard messages?</source>
        <translation>메시지를 버릴까요?</translation>
    </message>
    <message>
        <source>Export them first from the log&apos;s Export menu to keep them.</source>
        <translation>보관하려면 먼저 로그의 내보내기 메뉴에서 내보내세요.</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>다시 묻지 않기</translation>
    </message>
</context>
<context>
    <name>DiscoveryText</name>
    <message>
        <source>the management API</source>
        <translation>관리 API</translation>
    </message>
    <message>
        <source>Jolokia</source>
        <translation>Jolokia</translation>
    </message>
    <message>
        <source>ActiveMQ advisories</source>
        <translation>ActiveMQ 어드바이저리</translation>
    </message>
    <message>
        <source>the sandbox feed</source>
        <translation>샌드박스 피드</translation>
    </message>
    <message>
        <source>login refused</source>
        <translation>로그인 거부됨</translation>
    </message>
    <message>
        <source>not found at the configured URL</source>
        <translation>설정한 URL에 없음</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>연결할 수 없음</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>예상치 못한 응답</translation>
    </message>
    <message>
        <source>Destination discovery: {source} refused the login. Check the management user and password on the profile&apos;s Management page.</source>
        <translation>목적지 탐색: {source}에서 로그인을 거부했습니다. 프로필의 관리 페이지에서 관리 사용자와 비밀번호를 확인하세요.</translation>
    </message>
    <message>
        <source>Destination discovery: {source} is not at the configured address (HTTP 404). Check the URL on the profile&apos;s Management page.</source>
        <translation>목적지 탐색: 설정한 주소에 {source} 없음(HTTP 404). 프로필의 관리 페이지에서 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>Destination discovery: {source} cannot be reached. Is it enabled on the broker, and is the URL on the profile&apos;s Management page right? The tree still shows what you subscribe to and send.</source>
        <translation>목적지 탐색: {source}에 연결할 수 없습니다. 브로커에서 켜져 있는지, 프로필의 관리 페이지에 있는 URL이 맞는지 확인하세요. 구독하거나 보낸 목적지는 트리에 계속 표시됩니다.</translation>
    </message>
    <message>
        <source>Destination discovery: {source} answered something it should not. Check the URL on the profile&apos;s Management page.</source>
        <translation>목적지 탐색: {source}에서 예상치 못한 응답이 왔습니다. 프로필의 관리 페이지에서 URL을 확인하세요.</translation>
    </message>
    <message>
        <source>Destination discovery through {source} failed: {error}</source>
        <translation>목적지 탐색 실패({source}): {error}</translation>
    </message>
</context>
<context>
    <name>Explanations</name>
    <message>
        <source>Spring Security expected a CSRF token in the CONNECT frame and found none or a wrong one: send the X-CSRF-TOKEN header (from the page&apos;s csrf token) in CONNECT, or disable CSRF for the STOMP endpoint on the server.</source>
        <translation>Spring Security가 CONNECT 프레임에서 CSRF 토큰을 기대했지만 없거나 틀렸습니다. CONNECT에 X-CSRF-TOKEN 헤더(페이지의 csrf 토큰 값)를 보내거나, 서버에서 STOMP 엔드포인트의 CSRF를 끄세요.</translation>
    </message>
    <message>
        <source>Spring Security refused this frame (no authenticated user on the session, or a role the destination requires is missing): send the token in the CONNECT header the server&apos;s ChannelInterceptor reads, and check the destination&apos;s authorization rules.</source>
        <translation>Spring Security가 이 프레임을 거부했습니다(세션에 인증된 사용자가 없거나 목적지에 필요한 역할이 없음). 서버의 ChannelInterceptor가 읽는 CONNECT 헤더에 토큰을 보내고, 목적지의 권한 규칙을 확인하세요.</translation>
    </message>
    <message>
        <source>The server refused an expired token: get a fresh one before every connect (--token-command runs a command that prints it) and reconnect.</source>
        <translation>서버가 만료된 토큰을 거부했습니다. 연결할 때마다 새 토큰을 받아(--token-command는 토큰을 출력하는 명령을 실행합니다) 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The server could not read the token it was sent: check which header or query parameter it expects (--token-in) and that the token is complete (no &apos;Bearer &apos; twice, no line break).</source>
        <translation>서버가 받은 토큰을 읽지 못했습니다. 서버가 기대하는 헤더나 쿼리 매개변수(--token-in)를 확인하고, 토큰이 온전한지(&apos;Bearer &apos;가 두 번 들어가거나 줄바꿈이 섞이지 않았는지) 확인하세요.</translation>
    </message>
    <message>
        <source>The frame is larger than the server&apos;s inbound message limit (Spring&apos;s default is 64 KiB): send smaller bodies, or raise setMessageSizeLimit in the server&apos;s WebSocketTransportRegistration.</source>
        <translation>프레임이 서버의 수신 메시지 한도(Spring 기본값 64 KiB)보다 큽니다. 본문을 줄이거나, 서버의 WebSocketTransportRegistration에서 setMessageSizeLimit 값을 늘리세요.</translation>
    </message>
    <message>
        <source>Spring&apos;s broker relay has no connection to the external broker: check that RabbitMQ/ActiveMQ is up and the relay&apos;s host, port and system login.</source>
        <translation>Spring의 브로커 릴레이가 외부 브로커에 연결되어 있지 않습니다. RabbitMQ/ActiveMQ가 실행 중인지, 릴레이의 호스트, 포트, 시스템 로그인이 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The server could not find the end of a frame: raw STOMP was probably sent to a SockJS endpoint (use its http:// URL, or the raw WebSocket path), or a frame lacks its closing NUL.</source>
        <translation>서버가 프레임의 끝을 찾지 못했습니다. 아마 SockJS 엔드포인트에 원시 STOMP를 보냈거나(그 http:// URL이나 원시 WebSocket 경로를 쓰세요) 프레임 끝의 NUL이 빠졌습니다.</translation>
    </message>
    <message>
        <source>An interceptor or handler on the server&apos;s inbound channel threw an exception: its name after the &apos;;&apos; says which (often authentication in a ChannelInterceptor); look it up in the server&apos;s log.</source>
        <translation>서버의 인바운드 채널에 있는 인터셉터나 핸들러가 예외를 던졌습니다. &apos;;&apos; 뒤의 이름이 어느 것인지 알려 줍니다(대개 ChannelInterceptor의 인증). 서버 로그에서 확인하세요.</translation>
    </message>
    <message>
        <source>RabbitMQ reads the STOMP host header as its virtual host and this one is unknown or not allowed for the user: send host:/ (or the vhost the user may use).</source>
        <translation>RabbitMQ는 STOMP host 헤더를 가상 호스트로 읽는데, 이 가상 호스트가 없거나 이 사용자에게 허용되지 않았습니다. host:/(또는 사용자가 쓸 수 있는 vhost)를 보내세요.</translation>
    </message>
    <message>
        <source>RabbitMQ refused the login: check the login and passcode, and that the user has permissions on the virtual host (rabbitmqctl set_permissions).</source>
        <translation>RabbitMQ가 로그인을 거부했습니다. 로그인과 패스코드, 그리고 사용자에게 가상 호스트 권한이 있는지(rabbitmqctl set_permissions) 확인하세요.</translation>
    </message>
    <message>
        <source>A /user/... destination reached RabbitMQ itself: only Spring resolves user destinations, so send it through the Spring endpoint (and check Spring&apos;s user destination prefix), not straight to the broker.</source>
        <translation>/user/... 목적지가 RabbitMQ에 그대로 도착했습니다. 사용자 목적지는 Spring만 해석하므로 브로커로 직접 보내지 말고 Spring 엔드포인트를 통해 보내세요(Spring의 사용자 목적지 접두사도 확인하세요).</translation>
    </message>
    <message>
        <source>RabbitMQ does not know this kind of destination: use /queue/, /topic/, /exchange/, /amq/queue/, /temp-queue/ or /reply-queue/.</source>
        <translation>RabbitMQ가 모르는 종류의 목적지입니다. /queue/, /topic/, /exchange/, /amq/queue/, /temp-queue/, /reply-queue/ 중 하나를 쓰세요.</translation>
    </message>
    <message>
        <source>The queue or exchange does not exist and RabbitMQ does not create it for this destination (/amq/queue/, /exchange/): declare it first, or use /queue/NAME, which RabbitMQ creates.</source>
        <translation>큐나 익스체인지가 없는데, RabbitMQ는 이런 목적지(/amq/queue/, /exchange/)에는 만들어 주지 않습니다. 먼저 선언하거나, RabbitMQ가 만들어 주는 /queue/이름을 쓰세요.</translation>
    </message>
    <message>
        <source>The queue already exists with other properties (durable, auto-delete, arguments): send the same headers it was declared with, or delete the queue.</source>
        <translation>큐가 이미 다른 속성(durable, auto-delete, 인수)으로 있습니다. 선언할 때와 같은 헤더를 보내거나 큐를 삭제하세요.</translation>
    </message>
    <message>
        <source>Another connection holds this exclusive queue: close that connection or use another queue name.</source>
        <translation>다른 연결이 이 전용(exclusive) 큐를 쓰고 있습니다. 그 연결을 닫거나 다른 큐 이름을 쓰세요.</translation>
    </message>
    <message>
        <source>The SUBSCRIBE reused an id this connection already has: give each subscription its own id, or UNSUBSCRIBE the old one first.</source>
        <translation>SUBSCRIBE가 이 연결에 이미 있는 id를 다시 썼습니다. 구독마다 다른 id를 주거나, 먼저 이전 구독을 UNSUBSCRIBE하세요.</translation>
    </message>
    <message>
        <source>ActiveMQ&apos;s authorization plugin does not let this user use the destination: add the user&apos;s group to the destination&apos;s read/write/admin entries, or use another login.</source>
        <translation>ActiveMQ의 권한 플러그인이 이 사용자에게 이 목적지를 허용하지 않습니다. 목적지의 read/write/admin 항목에 사용자의 그룹을 추가하거나 다른 로그인을 쓰세요.</translation>
    </message>
    <message>
        <source>ActiveMQ refused the login: check the login and passcode (the users of its simpleAuthenticationPlugin or JAAS).</source>
        <translation>ActiveMQ가 로그인을 거부했습니다. 로그인과 패스코드(simpleAuthenticationPlugin이나 JAAS의 사용자)를 확인하세요.</translation>
    </message>
    <message>
        <source>The ACK names a message this connection is not waiting to acknowledge (an auto-ack subscription, a message already acknowledged, or the id of another connection): acknowledge with the MESSAGE&apos;s ack header (STOMP 1.2) on the connection it came on.</source>
        <translation>ACK가 가리키는 메시지는 이 연결이 확인 응답을 기다리는 메시지가 아닙니다(auto-ack 구독, 이미 확인 응답한 메시지, 또는 다른 연결의 id). 메시지를 받은 연결에서 MESSAGE의 ack 헤더(STOMP 1.2)로 확인 응답하세요.</translation>
    </message>
    <message>
        <source>No subscription has this id on this connection: UNSUBSCRIBE with the id the SUBSCRIBE used.</source>
        <translation>이 연결에는 이 id의 구독이 없습니다. SUBSCRIBE에 쓴 id로 UNSUBSCRIBE하세요.</translation>
    </message>
    <message>
        <source>The frame is larger than the broker&apos;s transport limit: send smaller bodies, or raise maxDataLength / wireFormat.maxFrameSize on the broker&apos;s transport connector.</source>
        <translation>프레임이 브로커의 전송 한도보다 큽니다. 본문을 줄이거나, 브로커의 transport connector에서 maxDataLength / wireFormat.maxFrameSize 값을 늘리세요.</translation>
    </message>
    <message>
        <source>The frame names no destination the broker knows: add destination:/queue/NAME or /topic/NAME (and, on Artemis, enable auto-creation or create the address first).</source>
        <translation>프레임에 브로커가 아는 목적지가 없습니다. destination:/queue/이름 또는 /topic/이름을 넣으세요(Artemis라면 자동 생성을 켜거나 주소를 먼저 만드세요).</translation>
    </message>
    <message>
        <source>Artemis refused the login: check the login and passcode against its users (artemis-users.properties or the configured login module).</source>
        <translation>Artemis가 로그인을 거부했습니다. 로그인과 패스코드를 Artemis의 사용자(artemis-users.properties 또는 설정된 로그인 모듈)와 맞춰 보세요.</translation>
    </message>
    <message>
        <source>Artemis does not give this user&apos;s role the permission the frame needs on the address (send, consume, createNonDurableQueue...): add it to the address&apos;s security-settings.</source>
        <translation>Artemis가 이 사용자의 역할에 이 주소에서 프레임에 필요한 권한(send, consume, createNonDurableQueue...)을 주지 않았습니다. 주소의 security-settings에 추가하세요.</translation>
    </message>
    <message>
        <source>Artemis blocks producers because its disk is nearly full: free disk space or raise max-disk-usage, and consume what is queued.</source>
        <translation>디스크가 거의 가득 차서 Artemis가 생산자를 막고 있습니다. 디스크 공간을 확보하거나 max-disk-usage를 늘리고, 쌓인 메시지를 소비하세요.</translation>
    </message>
    <message>
        <source>The broker speaks none of the STOMP versions offered in accept-version: offer 1.2, 1.1 and 1.0 (the profile&apos;s STOMP versions).</source>
        <translation>브로커가 accept-version에 제안한 STOMP 버전을 하나도 지원하지 않습니다. 1.2, 1.1, 1.0을 제안하세요(프로필의 STOMP 버전).</translation>
    </message>
    <message>
        <source>The broker refused the login: check the login and passcode (or the token, if the server reads one from CONNECT).</source>
        <translation>브로커가 로그인을 거부했습니다. 로그인과 패스코드(서버가 CONNECT에서 토큰을 읽는다면 토큰)를 확인하세요.</translation>
    </message>
    <message>
        <source>Another request is already open for this SockJS session (two tabs, or a proxy retrying the request): connect again, which starts a new session.</source>
        <translation>이 SockJS 세션에 이미 다른 요청이 열려 있습니다(탭 두 개, 또는 요청을 재시도하는 프록시). 다시 연결하면 새 세션이 시작됩니다.</translation>
    </message>
    <message>
        <source>The previous streaming or polling request of this SockJS session was cut (often a proxy that buffers or times out long responses): check the proxy&apos;s buffering and timeouts, or force --sockjs-transport websocket.</source>
        <translation>이 SockJS 세션의 이전 스트리밍 또는 폴링 요청이 끊겼습니다(긴 응답을 버퍼링하거나 시간 초과로 끊는 프록시인 경우가 많음). 프록시의 버퍼링과 시간 제한을 확인하거나 --sockjs-transport websocket으로 강제하세요.</translation>
    </message>
    <message>
        <source>Spring closed the session because it could not send to this client in time (it read too slowly, or the send buffer limit was reached): read faster, or raise the server&apos;s sendTimeLimit and sendBufferSizeLimit.</source>
        <translation>Spring이 이 클라이언트에 제때 보내지 못해 세션을 닫았습니다(읽기가 너무 느렸거나 전송 버퍼 한도에 도달함). 더 빨리 읽거나, 서버의 sendTimeLimit과 sendBufferSizeLimit을 늘리세요.</translation>
    </message>
    <message>
        <source>The server ended the SockJS session (it usually does so right after a STOMP ERROR, or when the application closes the session): read the ERROR before it, if any.</source>
        <translation>서버가 SockJS 세션을 끝냈습니다(대개 STOMP ERROR 직후나 애플리케이션이 세션을 닫을 때). 그 앞에 ERROR가 있다면 읽어 보세요.</translation>
    </message>
    <message>
        <source>The server (or a proxy in front of it) is shutting down or restarting, or dropped an idle connection: reconnect, and keep heart-beats shorter than the proxy&apos;s idle timeout.</source>
        <translation>서버(또는 앞단의 프록시)가 종료나 재시작 중이거나 유휴 연결을 끊었습니다. 다시 연결하고, 하트비트 주기를 프록시의 유휴 시간 제한보다 짧게 두세요.</translation>
    </message>
    <message>
        <source>The server could not read what was sent: raw STOMP to a SockJS endpoint does this (use its http:// URL), as does a frame the WebSocket layer rejects.</source>
        <translation>서버가 보낸 내용을 읽지 못했습니다. SockJS 엔드포인트에 원시 STOMP를 보내거나(그 http:// URL을 쓰세요) WebSocket 계층이 거부하는 프레임을 보내면 이렇게 됩니다.</translation>
    </message>
    <message>
        <source>The server does not accept this kind of WebSocket message (binary messages on a text-only endpoint, such as Spring over SockJS): send text frames (UTF-8 bodies).</source>
        <translation>서버가 이런 종류의 WebSocket 메시지를 받지 않습니다(SockJS 위의 Spring처럼 텍스트 전용 엔드포인트에 보낸 바이너리 메시지). 텍스트 프레임(UTF-8 본문)을 보내세요.</translation>
    </message>
    <message>
        <source>The connection dropped without a WebSocket close (the server died, the network failed, or a proxy cut an idle connection): enable heart-beats shorter than the proxy&apos;s idle timeout and look at the server&apos;s log.</source>
        <translation>WebSocket 닫기 없이 연결이 끊겼습니다(서버 중단, 네트워크 장애, 또는 프록시가 유휴 연결을 끊음). 프록시의 유휴 시간 제한보다 짧은 하트비트를 켜고 서버 로그를 확인하세요.</translation>
    </message>
    <message>
        <source>A text message was not valid UTF-8: send binary bodies as binary frames, or encode them (Base64) in text.</source>
        <translation>텍스트 메시지가 올바른 UTF-8이 아닙니다. 바이너리 본문은 바이너리 프레임으로 보내거나 텍스트로 인코딩(Base64)하세요.</translation>
    </message>
    <message>
        <source>The server refused the connection by policy (an Origin it does not allow, or a missing or rejected token): check the server&apos;s allowed origins (Spring: setAllowedOriginPatterns) and where the token goes (--token-in).</source>
        <translation>서버가 정책에 따라 연결을 거부했습니다(허용하지 않는 Origin, 또는 없거나 거부된 토큰). 서버의 허용 Origin(Spring: setAllowedOriginPatterns)과 토큰을 넣는 위치(--token-in)를 확인하세요.</translation>
    </message>
    <message>
        <source>A message was larger than the server accepts (Spring&apos;s default limit is 64 KiB): send smaller bodies, or raise the server&apos;s message size limit.</source>
        <translation>메시지가 서버가 받는 크기보다 큽니다(Spring 기본 한도 64 KiB). 본문을 줄이거나 서버의 메시지 크기 한도를 늘리세요.</translation>
    </message>
    <message>
        <source>The server hit an internal error (Spring: an exception in a handler or the broker relay; RabbitMQ Web-STOMP: its STOMP connection ended, possibly after an ERROR that never arrived): look at the server&apos;s log around this time.</source>
        <translation>서버에 내부 오류가 났습니다(Spring: 핸들러나 브로커 릴레이의 예외, RabbitMQ Web-STOMP: 도착하지 않은 ERROR 뒤에 STOMP 연결이 끝났을 수 있음). 이 시각 전후의 서버 로그를 확인하세요.</translation>
    </message>
    <message>
        <source>The server is restarting: reconnect in a moment.</source>
        <translation>서버가 재시작 중입니다. 잠시 후 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The server is overloaded and asked to try again later: reconnect after a pause.</source>
        <translation>서버가 과부하 상태라 나중에 다시 시도하라고 했습니다. 잠시 뒤에 다시 연결하세요.</translation>
    </message>
    <message>
        <source>{text} — likely cause and fix: {explanation}</source>
        <translation>{text} — 예상 원인과 해결 방법: {explanation}</translation>
    </message>
</context>
<context>
    <name>FailureView</name>
    <message>
        <source>Select a step to see what it expected and received.</source>
        <translation>단계를 선택하면 기대한 것과 받은 것이 보입니다.</translation>
    </message>
</context>
<context>
    <name>HeaderEditor</name>
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
</context>
<context>
    <name>HeaderTable</name>
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
        <translation>전송된 순서 그대로의 헤더(반복된 헤더 포함)</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>밀리초</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>{raw} ({unit} since 1970-01-01 UTC)</source>
        <translation>{raw}(1970-01-01 UTC 이후 {unit})</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>in</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>out</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Depth (messages waiting)</source>
        <translation>깊이(대기 메시지)</translation>
    </message>
    <message>
        <source>Rates in / out (msg/s)</source>
        <translation>받음 / 보냄 속도(건/초)</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>Oldest message age (s)</source>
        <translation>가장 오래된 메시지의 대기 시간(초)</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n}초</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n}분</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h}시간 {m}분</translation>
    </message>
    <message>
        <source>ActiveMQ reports destination figures through Jolokia only: fill in “Jolokia URL” on the profile&apos;s Management page (for example http://localhost:8161/api/jolokia).</source>
        <translation>ActiveMQ는 목적지 수치를 Jolokia로만 알려 줍니다. 프로필의 관리 페이지에서 “Jolokia URL”을 채우세요(예: http://localhost:8161/api/jolokia).</translation>
    </message>
    <message>
        <source>RabbitMQ reports queue figures through its management API only: fill in “Management URL” on the profile&apos;s Management page (for example http://localhost:15672).</source>
        <translation>RabbitMQ는 큐 수치를 관리 API로만 알려 줍니다. 프로필의 관리 페이지에서 “관리 URL”을 채우세요(예: http://localhost:15672).</translation>
    </message>
    <message>
        <source>Spring&apos;s simple broker keeps no queues and reports no figures (depth, consumers, rates): there is nothing to chart. The message log still shows the traffic.</source>
        <translation>Spring의 simple broker는 큐를 두지 않고 수치(깊이, 소비자, 속도)도 알려 주지 않아 차트로 볼 것이 없습니다. 메시지 로그에는 트래픽이 계속 표시됩니다.</translation>
    </message>
    <message>
        <source>Artemis health figures are not supported yet (its Jolokia names differ from ActiveMQ&apos;s). The message log still shows the traffic.</source>
        <translation>Artemis의 상태 수치는 아직 지원하지 않습니다(Jolokia 이름이 ActiveMQ와 다름). 메시지 로그에는 트래픽이 계속 표시됩니다.</translation>
    </message>
    <message>
        <source>This broker is unknown, so there is no API to read destination figures from. The message log still shows the traffic.</source>
        <translation>알 수 없는 브로커라 목적지 수치를 읽을 API가 없습니다. 메시지 로그에는 트래픽이 계속 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>The figure the chart follows</source>
        <translation>차트가 따라갈 수치</translation>
    </message>
    <message>
        <source>Open the profile</source>
        <translation>프로필 열기</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>받음/초</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>보냄/초</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>최장 대기</translation>
    </message>
    <message>
        <source>Select a destination to chart it; none: the whole scope</source>
        <translation>목적지를 선택하면 차트로 봅니다. 선택하지 않으면 범위 전체</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>메시지/초</translation>
    </message>
    <message>
        <source>The destinations carrying the most traffic now</source>
        <translation>지금 트래픽이 가장 많은 목적지</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>Top talkers</source>
        <translation>트래픽 상위</translation>
    </message>
    <message>
        <source>Select a destination or folder in a connection&apos;s tree to see its health.</source>
        <translation>연결의 트리에서 목적지나 폴더를 선택하면 상태가 보입니다.</translation>
    </message>
    <message>
        <source>{source}: reading…</source>
        <translation>{source}: 읽는 중…</translation>
    </message>
    <message>
        <source>{source} · {count} destinations · {time}</source>
        <translation>{source} · 목적지 {count}개 · {time}</translation>
    </message>
    <message>
        <source>all {count} destinations</source>
        <translation>목적지 {count}개 전체</translation>
    </message>
</context>
<context>
    <name>HealthWatch</name>
    <message>
        <source>Health</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Destination health</source>
        <translation>목적지 상태</translation>
    </message>
    <message>
        <source>Depth, consumers, rates and the oldest message&apos;s age of this node, over time</source>
        <translation>이 노드의 깊이, 소비자, 속도, 가장 오래된 메시지의 대기 시간 추이</translation>
    </message>
    <message>
        <source>Open a connection to see its destinations&apos; health.</source>
        <translation>연결을 열면 목적지 상태가 보입니다.</translation>
    </message>
    <message>
        <source>Connect {name} to see its destinations&apos; health.</source>
        <translation>{name}에 연결하면 목적지 상태가 보입니다.</translation>
    </message>
    <message>
        <source>{name}: every destination</source>
        <translation>{name}: 모든 목적지</translation>
    </message>
    <message>
        <source>{name}: {node} and below</source>
        <translation>{name}: {node} 및 하위</translation>
    </message>
    <message>
        <source>{name}: {node}</source>
        <translation>{name}: {node}</translation>
    </message>
    <message>
        <source>{reason} Trying again in {seconds} s.</source>
        <translation>{reason} {seconds}초 후 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Jolokia</source>
        <translation>Jolokia</translation>
    </message>
    <message>
        <source>Management API</source>
        <translation>관리 API</translation>
    </message>
    <message>
        <source>Sandbox feed</source>
        <translation>샌드박스 피드</translation>
    </message>
</context>
<context>
    <name>HeartbeatCanvas</name>
    <message>
        <source>in</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>out</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>−{seconds:g} s</source>
        <translation>−{seconds:g}초</translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message>
        <source>heart-beat</source>
        <translation>하트비트</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>sent {what} at {time}</source>
        <translation>{time}에 {what} 보냄</translation>
    </message>
    <message>
        <source>received {what} at {time}</source>
        <translation>{time}에 {what} 받음</translation>
    </message>
    <message>
        <source>{gap:.2f} s after the previous one</source>
        <translation>이전 것보다 {gap:.2f}초 뒤</translation>
    </message>
    <message>
        <source>late: the liveness rule allows {allowed:.1f} s of silence</source>
        <translation>늦음: 생존 규칙상 {allowed:.1f}초까지만 조용해도 됩니다</translation>
    </message>
</context>
<context>
    <name>HeartbeatView</name>
    <message>
        <source>Heart-beats: not connected yet</source>
        <translation>하트비트: 아직 연결되지 않음</translation>
    </message>
    <message>
        <source>no header</source>
        <translation>헤더 없음</translation>
    </message>
    <message>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>(never)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>send every {send}, expect every {expect}</source>
        <translation>보내는 주기 {send}, 받는 주기 {expect}</translation>
    </message>
    <message>
        <source>{seconds:g} s</source>
        <translation>{seconds:g}초</translation>
    </message>
    <message>
        <source>Heart-beats: offered {offered} · answered {answered} · agreed: {agreed}</source>
        <translation>하트비트: 제안 {offered} · 응답 {answered} · 합의: {agreed}</translation>
    </message>
    <message>
        <source>The server answered heart-beat:0,0, as Spring&apos;s simple broker does without a TaskScheduler (spring-framework#29153): neither side sends heart-beats, so a dead connection goes unnoticed until a write fails; give the broker a TaskScheduler (enableSimpleBroker(...).setTaskScheduler(...)) and a heart-beat value.</source>
        <translation>서버가 heart-beat:0,0으로 답했습니다. TaskScheduler가 없는 Spring simple broker가 이렇게 합니다(spring-framework#29153). 양쪽 모두 하트비트를 보내지 않으므로 쓰기가 실패할 때까지 끊어진 연결을 알아챌 수 없습니다. 브로커에 TaskScheduler(enableSimpleBroker(...).setTaskScheduler(...))와 하트비트 값을 주세요.</translation>
    </message>
    <message>
        <source>The server&apos;s CONNECTED carried no heart-beat header (STOMP 1.0, or a server that ignores heart-beats): no heart-beats are used on this connection.</source>
        <translation>서버의 CONNECTED에 heart-beat 헤더가 없습니다(STOMP 1.0이거나 하트비트를 무시하는 서버). 이 연결에서는 하트비트를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>The server sends no heart-beats although we asked for them: its silence cannot tell a dead connection from an idle one.</source>
        <translation>요청했는데도 서버가 하트비트를 보내지 않습니다. 서버가 조용해도 끊어진 연결인지 유휴 연결인지 구별할 수 없습니다.</translation>
    </message>
    <message>
        <source>out</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>in</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>{direction}: off</source>
        <translation>{direction}: 꺼짐</translation>
    </message>
    <message>
        <source>{direction}: no heart-beats yet</source>
        <translation>{direction}: 아직 하트비트 없음</translation>
    </message>
    <message>
        <source>{direction}: {count} heart-beats, gaps {low:.1f}–{high:.1f} s</source>
        <translation>{direction}: 하트비트 {count}개, 간격 {low:.1f}–{high:.1f}초</translation>
    </message>
    <message>
        <source>(rule allows {allowed:.1f} s)</source>
        <translation>(규칙상 {allowed:.1f}초까지 허용)</translation>
    </message>
    <message>
        <source>{count} late</source>
        <translation>{count}개 늦음</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Diff with previous</source>
        <translation>이전 메시지와 비교</translation>
    </message>
    <message>
        <source>Compare the selected message with the one before it on this destination (headers and body, JSON aware)</source>
        <translation>선택한 메시지를 이 목적지의 바로 앞 메시지와 비교합니다(헤더와 본문, JSON 구조 인식)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Recent messages of the selected destination, newest first</source>
        <translation>선택한 목적지의 최근 메시지(최신순)</translation>
    </message>
    <message>
        <source>Select a destination in the tree to see its messages.</source>
        <translation>트리에서 목적지를 선택하면 그 메시지가 보입니다.</translation>
    </message>
    <message>
        <source>No messages on {destination} yet. Subscribe to it (right-click it in the tree) or send one.</source>
        <translation>{destination}에 아직 메시지가 없습니다. 구독하거나(트리에서 오른쪽 클릭) 메시지를 보내세요.</translation>
    </message>
    <message>
        <source>{destination} · {count} recent message(s)</source>
        <translation>{destination} · 최근 메시지 {count}건</translation>
    </message>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>History</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Right-click a number in the message pane&apos;s JSON view and choose “Chart this field” to follow it over time here.</source>
        <translation>메시지 창의 JSON 보기에서 숫자를 오른쪽 클릭하고 “이 필드 차트로 보기”를 고르면 여기서 시간에 따른 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
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
    <name>JsonTreeView</name>
    <message>
        <source>Copy value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <source>Value copied</source>
        <translation>값을 복사했습니다</translation>
    </message>
    <message>
        <source>Copy path ({path})</source>
        <translation>경로 복사({path})</translation>
    </message>
    <message>
        <source>Path copied</source>
        <translation>경로를 복사했습니다</translation>
    </message>
    <message>
        <source>Show only messages with this value</source>
        <translation>이 값을 가진 메시지만 표시</translation>
    </message>
    <message>
        <source>Filter the log with a search on this JSON field</source>
        <translation>이 JSON 필드로 검색해 로그를 필터링합니다</translation>
    </message>
    <message>
        <source>Chart this field</source>
        <translation>이 필드 차트로 보기</translation>
    </message>
    <message>
        <source>Only numbers can be charted</source>
        <translation>숫자만 차트로 볼 수 있습니다</translation>
    </message>
</context>
<context>
    <name>LatencyHistogram</name>
    <message>
        <source>latency, ms (upper bound of each bar)</source>
        <translation>지연 시간, ms(막대마다 상한)</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>메시지</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search names, destinations, bodies</source>
        <translation>이름, 목적지, 본문 검색</translation>
    </message>
    <message>
        <source>Show only messages whose name, destination or body has this</source>
        <translation>이름, 목적지, 본문에 이 텍스트가 있는 메시지만 표시</translation>
    </message>
    <message>
        <source>Save the composer&apos;s message in the library</source>
        <translation>메시지 작성 창의 메시지를 라이브러리에 저장</translation>
    </message>
    <message>
        <source>Import a library file</source>
        <translation>라이브러리 파일 가져오기</translation>
    </message>
    <message>
        <source>Export collections to a file for your team</source>
        <translation>팀과 나눌 수 있도록 컬렉션을 파일로 내보내기</translation>
    </message>
    <message>
        <source>Export this collection…</source>
        <translation>이 컬렉션 내보내기…</translation>
    </message>
    <message>
        <source>Export all collections…</source>
        <translation>모든 컬렉션 내보내기…</translation>
    </message>
    <message>
        <source>Saved messages by collection: double-click loads one into the composer</source>
        <translation>컬렉션별로 저장한 메시지. 두 번 클릭하면 메시지 작성 창에 불러옵니다</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Select a message to see it as it will be sent, variables filled in.</source>
        <translation>메시지를 선택하면 변수를 채워 실제로 보낼 모습을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Variables…</source>
        <translation>변수…</translation>
    </message>
    <message>
        <source>Template variables of this collection and of the current profile</source>
        <translation>이 컬렉션과 현재 프로필의 템플릿 변수</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Load into the composer to edit and send (double-click does the same)</source>
        <translation>메시지 작성 창에 불러와 편집하고 보냅니다(두 번 클릭과 같음)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Send to every destination of the message on the current connection</source>
        <translation>현재 연결로 메시지의 모든 목적지에 보냅니다</translation>
    </message>
    <message>
        <source>The library file could not be read and was set aside: {why}</source>
        <translation>라이브러리 파일을 읽을 수 없어 따로 옮겨 두었습니다: {why}</translation>
    </message>
    <message>
        <source>Preview with the variables of “{collection}” and “{profile}”</source>
        <translation>“{collection}”과(와) “{profile}”의 변수로 미리 보기</translation>
    </message>
    <message>
        <source>Preview with the variables of “{collection}”</source>
        <translation>“{collection}”의 변수로 미리 보기</translation>
    </message>
    <message>
        <source>(with a receipt)</source>
        <translation>(수신 확인 요청)</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source>× {count} copies, {rate}; this is copy 1</source>
        <translation>× {count}건, {rate}. 순번 1을 보여 줍니다</translation>
    </message>
    <message>
        <source>Sending “{name}”…</source>
        <translation>“{name}” 보내는 중…</translation>
    </message>
    <message>
        <source>Sent “{name}”: {count} frames to {where}.</source>
        <translation>“{name}”을(를) 보냈습니다: {where}(으)로 프레임 {count}개.</translation>
    </message>
    <message>
        <source>Only a SEND with a destination can be saved in the library.</source>
        <translation>목적지가 있는 SEND만 라이브러리에 저장할 수 있습니다.</translation>
    </message>
    <message>
        <source>A body sent from a file is not kept in the library: paste the body into the composer to save it.</source>
        <translation>파일에서 보내는 본문은 라이브러리에 보관하지 않습니다. 저장하려면 본문을 메시지 작성 창에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Saved “{name}” in “{collection}”.</source>
        <translation>“{name}”을(를) “{collection}”에 저장했습니다.</translation>
    </message>
    <message>
        <source>Select a collection, or connect, to edit its variables.</source>
        <translation>변수를 편집하려면 컬렉션을 선택하거나 연결하세요.</translation>
    </message>
    <message>
        <source>Variables saved.</source>
        <translation>변수를 저장했습니다.</translation>
    </message>
    <message>
        <source>Delete the collection “{name}” and all its messages?</source>
        <translation>컬렉션 “{name}”과(와) 그 안의 모든 메시지를 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete “{name}” from “{collection}”?</source>
        <translation>“{collection}”에서 “{name}”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Imported {names} from {file}.</source>
        <translation>{file}에서 {names}을(를) 가져왔습니다.</translation>
    </message>
    <message>
        <source>Replaced: {names}.</source>
        <translation>바꿈: {names}.</translation>
    </message>
    <message>
        <source>Exported to {file}.</source>
        <translation>{file}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Library files (*.json)</source>
        <translation>라이브러리 파일 (*.json)</translation>
    </message>
    <message>
        <source>Export the library</source>
        <translation>라이브러리 내보내기</translation>
    </message>
    <message>
        <source>Load into the composer</source>
        <translation>메시지 작성 창에 불러오기</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>목적지</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>메시지 1건</translation>
    </message>
    <message>
        <source>{count} messages</source>
        <translation>메시지 {count}건</translation>
    </message>
</context>
<context>
    <name>LibraryWords</name>
    <message>
        <source>Not saved because they look like secrets: {names}. Write such values as templates, for example Bearer {{{{env.API_TOKEN}}}}.</source>
        <translation>비밀 값으로 보여 저장하지 않았습니다: {names}. 이런 값은 Bearer {{{{env.API_TOKEN}}}}처럼 템플릿으로 쓰세요.</translation>
    </message>
    <message>
        <source>{file} cannot be used: {place}{reason}</source>
        <translation>{file}을(를) 쓸 수 없습니다: {place}{reason}</translation>
    </message>
    <message>
        <source>The library refused it: {reason}</source>
        <translation>라이브러리가 거부했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>Export all ({count})…</source>
        <translation>모두 내보내기({count})…</translation>
    </message>
    <message>
        <source>Export filtered ({count})…</source>
        <translation>필터 결과 내보내기({count})…</translation>
    </message>
    <message>
        <source>Export selected ({count})…</source>
        <translation>선택 항목 내보내기({count})…</translation>
    </message>
    <message>
        <source>Type a filter first</source>
        <translation>먼저 필터를 입력하세요</translation>
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
        <source>JSON Lines (*.jsonl);;CSV (*.csv);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Exported {count} messages to {path}</source>
        <translation>메시지 {count}건을 {path}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>LogFollower</name>
    <message>
        <source>Scroll to the newest message and follow new ones</source>
        <translation>최신 메시지로 스크롤하고 새 메시지를 따라갑니다</translation>
    </message>
    <message>
        <source>Jump to newest ({count} new)</source>
        <translation>최신으로 이동(새 메시지 {count}건)</translation>
    </message>
    <message>
        <source>Jump to newest</source>
        <translation>최신으로 이동</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>Messages in and out; Space pauses, right-click for more</source>
        <translation>주고받은 메시지. Space로 일시 정지, 오른쪽 클릭으로 더 보기</translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>오른쪽 클릭으로 표시할 열을 고릅니다</translation>
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
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>What the filter text matches</source>
        <translation>필터 텍스트를 무엇과 비교할지</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>받음과 보냄</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>Show received messages, sent ones, or both</source>
        <translation>받은 메시지, 보낸 메시지 또는 둘 다 표시</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop updating the log; messages keep being recorded (Ctrl+P or Space)</source>
        <translation>로그 갱신을 멈춥니다. 메시지는 계속 받아 둡니다(Ctrl+P 또는 Space)</translation>
    </message>
    <message>
        <source>Clear the log</source>
        <translation>로그 지우기</translation>
    </message>
    <message>
        <source>Export messages as JSON Lines or CSV</source>
        <translation>메시지를 JSON Lines나 CSV로 내보내기</translation>
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
        <source>filtering…</source>
        <translation>필터링 중…</translation>
    </message>
    <message>
        <source>{count} evicted</source>
        <translation>{count}건 밀려남</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count}건 건너뜀</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count}건 대기</translation>
    </message>
    <message>
        <source>Messages arrived faster than the window can show them: the oldest waiting ones were skipped (counted on their destination, not logged).</source>
        <translation>메시지가 창이 표시할 수 있는 것보다 빨리 도착해 가장 오래 기다린 메시지를 건너뛰었습니다(목적지에는 집계하지만 로그에는 남기지 않음).</translation>
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
        <source>e.g. $.user.id == 1001 and priority &gt; 4</source>
        <translation>예: $.user.id == 1001 and priority &gt; 4</translation>
    </message>
    <message>
        <source>Filter the log (Ctrl+F); the menu on the left picks how. Search takes expressions such as $.user.id == 1001, priority&gt;5, direction=out.</source>
        <translation>로그 필터(Ctrl+F). 왼쪽 메뉴에서 방식을 고릅니다. 검색에는 $.user.id == 1001, priority&gt;5, direction=out 같은 식을 씁니다.</translation>
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
        <source>Copy destination</source>
        <translation>목적지 복사</translation>
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
        <translation>연결 목록</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>메시지 작성</translation>
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
        <translation>메시지 작성(&amp;C)</translation>
    </message>
    <message>
        <source>Go to the composer</source>
        <translation>메시지 작성으로 이동</translation>
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
        <source>{name} — STOMP Explorer</source>
        <translation>{name} — STOMP Explorer</translation>
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
        <source>ACK</source>
        <translation>ACK</translation>
    </message>
    <message>
        <source>Acknowledge this message: the broker removes it</source>
        <translation>이 메시지에 확인 응답합니다. 브로커가 메시지를 제거합니다</translation>
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
        <source>JSON tree</source>
        <translation>JSON 트리</translation>
    </message>
    <message>
        <source>JSON text</source>
        <translation>JSON 텍스트</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the body (as text, or as a hex dump when binary)</source>
        <translation>본문 복사(텍스트로, 바이너리면 16진수 덤프로)</translation>
    </message>
    <message>
        <source>Body copied</source>
        <translation>본문을 복사했습니다</translation>
    </message>
    <message>
        <source>Copy the headers as name:value lines</source>
        <translation>헤더를 이름:값 줄로 복사</translation>
    </message>
    <message>
        <source>Headers copied</source>
        <translation>헤더를 복사했습니다</translation>
    </message>
    <message>
        <source>Raw frame</source>
        <translation>원시 프레임</translation>
    </message>
    <message>
        <source>Copy the whole frame as it travels (NUL shown as ␀)</source>
        <translation>전송되는 그대로 프레임 전체 복사(NUL은 ␀로 표시)</translation>
    </message>
    <message>
        <source>Raw frame copied</source>
        <translation>원시 프레임을 복사했습니다</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
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
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>{command} {destination} · {size}</source>
        <translation>{command} {destination} · {size}</translation>
    </message>
    <message>
        <source>Headers ({count})</source>
        <translation>헤더({count})</translation>
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
        <source>Too large to indent; shown as sent.</source>
        <translation>너무 커서 들여쓰지 않고 원래 모양 그대로 표시합니다.</translation>
    </message>
    <message>
        <source>Not valid JSON. {error}</source>
        <translation>올바른 JSON이 아닙니다. {error}</translation>
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
    <name>MessageDiff</name>
    <message>
        <source>Compare ids and times too</source>
        <translation>id와 시각도 비교</translation>
    </message>
    <message>
        <source>Also compare headers that differ on every message (message-id, timestamp, subscription, …)</source>
        <translation>메시지마다 달라지는 헤더(message-id, timestamp, subscription, …)도 비교합니다</translation>
    </message>
    <message>
        <source>The previous message</source>
        <translation>이전 메시지</translation>
    </message>
    <message>
        <source>The selected message</source>
        <translation>선택한 메시지</translation>
    </message>
    <message>
        <source>Select a message to compare it with the previous one.</source>
        <translation>메시지를 선택하면 이전 메시지와 비교합니다.</translation>
    </message>
    <message>
        <source>No earlier message on {destination} to compare with.</source>
        <translation>{destination}에 비교할 이전 메시지가 없습니다.</translation>
    </message>
    <message>
        <source>{count} line(s) differ from the previous message on {destination}.</source>
        <translation>{destination}의 이전 메시지와 {count}줄이 다릅니다.</translation>
    </message>
    <message>
        <source>Same headers and body as the previous message on {destination}.</source>
        <translation>{destination}의 이전 메시지와 헤더와 본문이 같습니다.</translation>
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
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>{count} destinations: {list}</source>
        <translation>목적지 {count}개: {list}</translation>
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
        <source>This http(s) address does not speak SockJS as expected: check the URL&apos;s path (Spring: the endpoint registered with withSockJS()).</source>
        <translation>이 http(s) 주소는 예상대로 SockJS를 쓰지 않습니다. URL 경로를 확인하세요(Spring: withSockJS()로 등록한 엔드포인트).</translation>
    </message>
    <message>
        <source>No usable bearer token: check the profile&apos;s token settings (Token &amp; SockJS).</source>
        <translation>쓸 수 있는 Bearer 토큰이 없습니다. 프로필의 토큰 설정(토큰 및 SockJS)을 확인하세요.</translation>
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
        <source>Browser-like</source>
        <translation>브라우저처럼</translation>
    </message>
    <message>
        <source>SockJS transport</source>
        <translation>SockJS 전송 방식</translation>
    </message>
    <message>
        <source>CONNECT headers</source>
        <translation>CONNECT 헤더</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Token variable</source>
        <translation>토큰 변수</translation>
    </message>
    <message>
        <source>Token command</source>
        <translation>토큰 명령</translation>
    </message>
    <message>
        <source>Token placement</source>
        <translation>토큰 넣을 곳</translation>
    </message>
    <message>
        <source>Token name</source>
        <translation>토큰 이름</translation>
    </message>
    <message>
        <source>Token prefix</source>
        <translation>토큰 접두사</translation>
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
    <message>
        <source>A body on a frame that may not carry one (kept).</source>
        <translation>본문을 가질 수 없는 프레임에 본문이 있습니다(유지함).</translation>
    </message>
    <message>
        <source>An undefined escape sequence in a header (kept as it is).</source>
        <translation>헤더에 정의되지 않은 이스케이프 시퀀스가 있습니다(그대로 유지).</translation>
    </message>
    <message>
        <source>A content-length that does not fit (ignored: the body ends at the NUL).</source>
        <translation>content-length가 맞지 않습니다(무시함: 본문은 NUL에서 끝남).</translation>
    </message>
    <message>
        <source>No NUL where the body should end (the body runs on to the next NUL).</source>
        <translation>본문이 끝나야 할 곳에 NUL이 없습니다(본문이 다음 NUL까지 이어짐).</translation>
    </message>
    <message>
        <source>An unknown command, or one only the other side may send.</source>
        <translation>알 수 없는 명령이거나 상대편만 보낼 수 있는 명령입니다.</translation>
    </message>
    <message>
        <source>A carriage return without a line feed between frames (skipped).</source>
        <translation>프레임 사이에 라인 피드 없는 캐리지 리턴이 있습니다(건너뜀).</translation>
    </message>
    <message>
        <source>A NUL inside the headers (frame dropped).</source>
        <translation>헤더 안에 NUL이 있습니다(프레임 버림).</translation>
    </message>
    <message>
        <source>A header line without &apos;:&apos; or without a name (frame dropped).</source>
        <translation>&apos;:&apos;나 이름이 없는 헤더 줄이 있습니다(프레임 버림).</translation>
    </message>
    <message>
        <source>The command or the headers are not UTF-8 (frame dropped).</source>
        <translation>명령이나 헤더가 UTF-8이 아닙니다(프레임 버림).</translation>
    </message>
    <message>
        <source>A carriage return without a line feed inside the headers (frame dropped).</source>
        <translation>헤더 안에 라인 피드 없는 캐리지 리턴이 있습니다(프레임 버림).</translation>
    </message>
    <message>
        <source>STOMP {version} with {server}; heart-beat: send every {send} ms, expect every {expect} ms</source>
        <translation>STOMP {version}, 서버 {server}. 하트비트: 보내는 주기 {send} ms, 받는 주기 {expect} ms</translation>
    </message>
    <message>
        <source>an unnamed server</source>
        <translation>이름 없는 서버</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move messages — {source}</source>
        <translation>메시지 이동 — {source}</translation>
    </message>
    <message>
        <source>Copy messages — {source}</source>
        <translation>메시지 복사 — {source}</translation>
    </message>
    <message>
        <source>Re-drive dead letters — {source}</source>
        <translation>데드 레터 되돌려 보내기 — {source}</translation>
    </message>
    <message>
        <source>Remove matching messages — {source}</source>
        <translation>조건에 맞는 메시지 제거 — {source}</translation>
    </message>
    <message>
        <source>/queue/name</source>
        <translation>/queue/이름</translation>
    </message>
    <message>
        <source>The queue the messages go to</source>
        <translation>메시지가 갈 큐</translation>
    </message>
    <message>
        <source>JMS selector, e.g. priority &gt; 4</source>
        <translation>JMS 셀렉터. 예: priority &gt; 4</translation>
    </message>
    <message>
        <source>Evaluated by the broker: only matching messages are delivered</source>
        <translation>브로커가 평가합니다. 조건에 맞는 메시지만 전달됩니다</translation>
    </message>
    <message>
        <source>This broker has no message selectors: use the filter below</source>
        <translation>이 브로커는 메시지 셀렉터가 없습니다. 아래 필터를 쓰세요</translation>
    </message>
    <message>
        <source>Search expression, e.g. $.region == &apos;eu&apos;</source>
        <translation>검색 식. 예: $.region == &apos;eu&apos;</translation>
    </message>
    <message>
        <source>Our own filter (the log&apos;s search language): every message is read, the ones it does not match stay on the queue, marked redelivered</source>
        <translation>이 앱의 필터(로그 검색 언어). 모든 메시지를 읽고, 맞지 않는 메시지는 재전달 표시가 붙은 채 큐에 남습니다</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>How many messages at most (All: until the queue is empty)</source>
        <translation>최대 메시지 수(전체: 큐가 빌 때까지)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>each message&apos;s original destination</source>
        <translation>각 메시지의 원래 목적지</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>셀렉터</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>메시지 id</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>보낼 곳</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>List what would be touched, touching nothing (at most {n})</source>
        <translation>아무것도 바꾸지 않고 대상이 될 메시지를 나열합니다(최대 {n}건)</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Re-drive</source>
        <translation>되돌려 보내기</translation>
    </message>
    <message>
        <source>Delete matching</source>
        <translation>맞는 메시지 삭제</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop after the batch in flight (nothing is lost)</source>
        <translation>처리 중인 묶음이 끝나면 중지합니다(잃는 것 없음)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Give a selector or a filter: what to delete.</source>
        <translation>삭제할 대상을 셀렉터나 필터로 지정하세요.</translation>
    </message>
    <message>
        <source>Type the target queue.</source>
        <translation>대상 큐를 입력하세요.</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>나열 중…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>작업 중…</translation>
    </message>
    <message>
        <source>(skipped: no original destination)</source>
        <translation>(건너뜀: 원래 목적지 없음)</translation>
    </message>
    <message>
        <source>Listing… {count}</source>
        <translation>나열 중… {count}</translation>
    </message>
    <message>
        <source>The preview stops at {n}: there may be more.</source>
        <translation>미리 보기는 {n}건까지입니다. 더 있을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ParseErrors</name>
    <message>
        <source>a value is missing or is not valid JSON</source>
        <translation>값이 없거나 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>a key in double quotes is expected (is there a comma before &quot;}&quot;?)</source>
        <translation>큰따옴표로 감싼 키가 와야 합니다(&quot;}&quot; 앞에 쉼표가 있나요?)</translation>
    </message>
    <message>
        <source>a &quot;:&quot; is missing after the key</source>
        <translation>키 뒤에 &quot;:&quot;가 없습니다</translation>
    </message>
    <message>
        <source>a &quot;,&quot; is missing between two values</source>
        <translation>두 값 사이에 &quot;,&quot;가 없습니다</translation>
    </message>
    <message>
        <source>a string is not closed with a double quote</source>
        <translation>문자열이 큰따옴표로 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a string holds a raw line break or tab</source>
        <translation>문자열에 이스케이프하지 않은 줄바꿈이나 탭이 있습니다</translation>
    </message>
    <message>
        <source>a \u escape needs four hex digits</source>
        <translation>\u 이스케이프에는 16진수 네 자리가 필요합니다</translation>
    </message>
    <message>
        <source>a backslash escape is not valid JSON</source>
        <translation>JSON에서 쓸 수 없는 백슬래시 이스케이프입니다</translation>
    </message>
    <message>
        <source>there is more text after the JSON value</source>
        <translation>JSON 값 뒤에 텍스트가 더 있습니다</translation>
    </message>
    <message>
        <source>a comma stands before a closing bracket</source>
        <translation>닫는 괄호 앞에 쉼표가 있습니다</translation>
    </message>
    <message>
        <source>a &quot;(&quot; is not closed</source>
        <translation>&quot;(&quot;가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a &quot;)&quot; has no &quot;(&quot; to close</source>
        <translation>&quot;)&quot;에 짝이 되는 &quot;(&quot;가 없습니다</translation>
    </message>
    <message>
        <source>&quot;*&quot;, &quot;+&quot; or &quot;?&quot; has nothing before it to repeat</source>
        <translation>&quot;*&quot;, &quot;+&quot;, &quot;?&quot; 앞에 반복할 것이 없습니다</translation>
    </message>
    <message>
        <source>two repeat signs follow each other</source>
        <translation>반복 기호가 연달아 있습니다</translation>
    </message>
    <message>
        <source>a &quot;[&quot; is not closed</source>
        <translation>&quot;[&quot;가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a backslash escape is not known</source>
        <translation>알 수 없는 백슬래시 이스케이프입니다</translation>
    </message>
    <message>
        <source>a character range runs backwards</source>
        <translation>문자 범위가 거꾸로 되어 있습니다</translation>
    </message>
    <message>
        <source>&quot;(?&quot; is followed by something unknown</source>
        <translation>&quot;(?&quot; 뒤에 알 수 없는 것이 있습니다</translation>
    </message>
    <message>
        <source>a look-behind must have a fixed width</source>
        <translation>후방 탐색(look-behind)은 너비가 고정되어야 합니다</translation>
    </message>
    <message>
        <source>the pattern ends too early</source>
        <translation>패턴이 너무 일찍 끝납니다</translation>
    </message>
    <message>
        <source>a group name is missing</source>
        <translation>그룹 이름이 없습니다</translation>
    </message>
    <message>
        <source>a group name is not defined</source>
        <translation>정의되지 않은 그룹 이름입니다</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {reason}</source>
        <translation>{line}행 {column}열: {reason}</translation>
    </message>
    <message>
        <source>Not a valid regular expression: {reason}.</source>
        <translation>올바른 정규식이 아닙니다: {reason}.</translation>
    </message>
    <message>
        <source>Not a valid regular expression at character {n}: {reason}.</source>
        <translation>{n}번째 문자에서 올바른 정규식이 아닙니다: {reason}.</translation>
    </message>
    <message>
        <source>Type a header name, as in name or name=value.</source>
        <translation>‘이름’ 또는 ‘이름=값’처럼 헤더 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The search does not parse at character {n}: {reason}</source>
        <translation>검색 식의 {n}번째 문자를 해석할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>PasscodePrompt</name>
    <message>
        <source>Passcode for {profile}</source>
        <translation>{profile}의 패스코드</translation>
    </message>
    <message>
        <source>Password of {login} for the management API of {profile}, used to list the broker&apos;s destinations.
It is kept only until STOMP Explorer quits.</source>
        <translation>브로커의 목적지 목록을 가져올 때 쓰는 {profile} 관리 API의 {login} 비밀번호입니다.
STOMP Explorer를 끝낼 때까지만 보관합니다.</translation>
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
        <source>Token &amp; SockJS</source>
        <translation>토큰 및 SockJS</translation>
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
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
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
    <name>ProfileFile</name>
    <message>
        <source>{path}: {reason}. Profiles cannot be changed until this is fixed.</source>
        <translation>{path}: {reason}. 이 문제를 고칠 때까지 프로필을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>The profiles file could not be read ({reason}). STOMP Explorer started with no saved profiles and left the file as it is; the next time a profile is saved, the file is first renamed to {renamed} so nothing is lost. Fix that file and import it to get its profiles back.</source>
        <translation>프로필 파일을 읽을 수 없습니다({reason}). STOMP Explorer는 저장된 프로필 없이 시작했고 파일은 그대로 두었습니다. 다음에 프로필을 저장할 때 이 파일의 이름을 먼저 {renamed}(으)로 바꾸므로 잃는 것은 없습니다. 그 파일을 고쳐서 가져오면 프로필이 돌아옵니다.</translation>
    </message>
    <message>
        <source>{path}: the name &apos;{name}&apos; is taken, that profile is shown as &apos;{new}&apos;</source>
        <translation>{path}: 이름 &apos;{name}&apos;은(는) 이미 쓰이고 있어 그 프로필을 &apos;{new}&apos;(으)로 표시합니다</translation>
    </message>
    <message>
        <source>Set aside: {problem}.</source>
        <translation>따로 둠: {problem}.</translation>
    </message>
    <message>
        <source>1 profile of {file} could not be loaded. It stays unchanged in that file until profiles are next saved, then moves to {quarantine} next to it; fix it there and run `stomp-explorer profiles import {quarantine_path}`.</source>
        <translation>{file}의 프로필 1개를 불러올 수 없습니다. 다음에 프로필을 저장할 때까지 그 파일에 그대로 있다가, 옆의 {quarantine}(으)로 옮겨집니다. 그곳에서 고친 뒤 `stomp-explorer profiles import {quarantine_path}`를 실행하세요.</translation>
    </message>
    <message>
        <source>{count} profiles of {file} could not be loaded. They stay unchanged in that file until profiles are next saved, then move to {quarantine} next to it; fix them there and run `stomp-explorer profiles import {quarantine_path}`.</source>
        <translation>{file}의 프로필 {count}개를 불러올 수 없습니다. 다음에 프로필을 저장할 때까지 그 파일에 그대로 있다가, 옆의 {quarantine}(으)로 옮겨집니다. 그곳에서 고친 뒤 `stomp-explorer profiles import {quarantine_path}`를 실행하세요.</translation>
    </message>
</context>
<context>
    <name>ProfileListModel</name>
    <message>
        <source>connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>연결 안 됨</translation>
    </message>
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
        <source>Move the selected profile up</source>
        <translation>선택한 프로필을 위로 이동</translation>
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
        <source>Saved profiles; double-click one to connect, right-click for more</source>
        <translation>저장된 프로필. 두 번 클릭하면 연결하고, 오른쪽 클릭하면 메뉴가 나옵니다</translation>
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
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Show hidden profiles</source>
        <translation>숨긴 프로필 표시</translation>
    </message>
    <message>
        <source>Import profiles…</source>
        <translation>프로필 가져오기…</translation>
    </message>
    <message>
        <source>Add the profiles of a file exported from STOMP Explorer (no secrets)</source>
        <translation>STOMP Explorer에서 내보낸 파일의 프로필을 추가합니다(비밀 값 제외)</translation>
    </message>
    <message>
        <source>Export profiles…</source>
        <translation>프로필 내보내기…</translation>
    </message>
    <message>
        <source>Save your profiles to a file to share them (secrets are never written)</source>
        <translation>프로필을 파일로 저장해 공유합니다(비밀 값은 절대 쓰지 않음)</translation>
    </message>
    <message>
        <source>More: order, hide, import and export profiles</source>
        <translation>더 보기: 프로필 순서, 숨기기, 가져오기, 내보내기</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>프로필 가져오기</translation>
    </message>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>프로필 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Export profiles</source>
        <translation>프로필 내보내기</translation>
    </message>
    <message>
        <source>Profiles (*.json)</source>
        <translation>프로필 (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Exported {count} profile(s) to {file}, without secrets.</source>
        <translation>프로필 {count}개를 비밀 값 없이 {file}(으)로 내보냈습니다.</translation>
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
    <message>
        <source>Imported {count} profile(s) from {file}.</source>
        <translation>{file}에서 프로필 {count}개를 가져왔습니다.</translation>
    </message>
    <message>
        <source>“{old}” was renamed “{new}”.</source>
        <translation>“{old}”의 이름을 “{new}”(으)로 바꿨습니다.</translation>
    </message>
    <message>
        <source>“{name}” was skipped: {why}</source>
        <translation>“{name}”을(를) 건너뛰었습니다: {why}</translation>
    </message>
    <message>
        <source>{file} holds no profiles to import.</source>
        <translation>{file}에 가져올 프로필이 없습니다.</translation>
    </message>
    <message>
        <source>Passcodes are not in the file: you will be asked when connecting.</source>
        <translation>파일에는 패스코드가 없습니다. 연결할 때 묻습니다.</translation>
    </message>
</context>
<context>
    <name>ProfilePages</name>
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
        <source>Broker address: stomp://host:61613, stomp+ssl://host:61614, ws://host:15674/ws, wss://host/ws, or a SockJS endpoint https://host/ws</source>
        <translation>브로커 주소: stomp://host:61613, stomp+ssl://host:61614, ws://host:15674/ws, wss://host/ws 또는 SockJS 엔드포인트 https://host/ws</translation>
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
        <translation>분할 규칙:</translation>
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
</context>
<context>
    <name>QueueOps</name>
    <message>
        <source>This needs the broker&apos;s {service}: fill in “{field}” on the Management page of the profile, then try again.</source>
        <translation>이 작업에는 브로커의 {service} 설정이 필요합니다. 프로필의 관리 페이지에서 “{field}”을(를) 채우고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>There is no queue {queue} on this broker: check the name.</source>
        <translation>이 브로커에 {queue} 큐가 없습니다. 이름을 확인하세요.</translation>
    </message>
    <message>
        <source>The broker refused {destination}: {words}</source>
        <translation>브로커가 {destination}을(를) 거부했습니다: {words}</translation>
    </message>
    <message>
        <source>The queue exists with other arguments: fill in “Management URL” on the profile&apos;s Management page, so the move sends to it without declaring it.</source>
        <translation>큐가 다른 인수로 이미 있습니다. 이동할 때 큐를 선언하지 않고 보낼 수 있도록 프로필의 관리 페이지에서 “관리 URL”을 채우세요.</translation>
    </message>
    <message>
        <source>The broker refused the selector {selector}: {words}</source>
        <translation>브로커가 셀렉터 {selector}을(를) 거부했습니다: {words}</translation>
    </message>
    <message>
        <source>The filter does not parse: {reason}</source>
        <translation>필터를 해석할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The filter does not parse.</source>
        <translation>필터를 해석할 수 없습니다.</translation>
    </message>
    <message>
        <source>The broker&apos;s HTTP API cannot be reached or refused the login: check the URL, login and password on the profile&apos;s Management page.</source>
        <translation>브로커의 HTTP API에 연결할 수 없거나 로그인이 거부되었습니다. 프로필의 관리 페이지에서 URL, 로그인, 비밀번호를 확인하세요.</translation>
    </message>
    <message>
        <source>The broker&apos;s HTTP API answered with an error.</source>
        <translation>브로커의 HTTP API가 오류로 응답했습니다.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
    <message>
        <source>Jolokia endpoint</source>
        <translation>Jolokia 엔드포인트</translation>
    </message>
    <message>
        <source>management API</source>
        <translation>관리 API</translation>
    </message>
    <message>
        <source>{destination} is a topic: a topic keeps no messages, so only queues can be moved, copied or purged.</source>
        <translation>{destination}은(는) 토픽입니다. 토픽은 메시지를 보관하지 않으므로 이동, 복사, 모두 삭제는 큐에서만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>The source and the target are the same queue.</source>
        <translation>원본과 대상이 같은 큐입니다.</translation>
    </message>
    <message>
        <source>This broker has no message selectors: leave the selector empty and use the filter instead (it reads every message).</source>
        <translation>이 브로커는 메시지 셀렉터가 없습니다. 셀렉터를 비우고 대신 필터를 쓰세요(모든 메시지를 읽습니다).</translation>
    </message>
    <message>
        <source>This broker has no purge we know of (purge works on ActiveMQ and RabbitMQ): use “Remove matching…” with a filter instead.</source>
        <translation>이 브로커에서 메시지를 모두 삭제하는 방법을 모릅니다(ActiveMQ와 RabbitMQ에서만 됨). 대신 필터와 함께 “조건에 맞는 메시지 제거…”를 쓰세요.</translation>
    </message>
    <message>
        <source>RabbitMQ drops messages sent to a missing /amq/queue/ destination without a word: name the target /queue/… or fill in the profile&apos;s Management URL so it can be checked first.</source>
        <translation>RabbitMQ는 없는 /amq/queue/ 목적지로 보낸 메시지를 아무 말 없이 버립니다. 대상을 /queue/…로 지정하거나, 먼저 확인할 수 있도록 프로필의 관리 URL을 채우세요.</translation>
    </message>
    <message>
        <source>This cannot be done on {destination}.</source>
        <translation>{destination}에서는 할 수 없습니다.</translation>
    </message>
    <message>
        <source>every message</source>
        <translation>모든 메시지</translation>
    </message>
    <message>
        <source>up to {count} messages</source>
        <translation>메시지 최대 {count}건</translation>
    </message>
    <message>
        <source>selector {selector}</source>
        <translation>셀렉터 {selector}</translation>
    </message>
    <message>
        <source>filter {filter}</source>
        <translation>필터 {filter}</translation>
    </message>
    <message>
        <source>matching {conditions}</source>
        <translation>({conditions}에 맞는 것)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 및 </translation>
    </message>
    <message>
        <source>nowhere (deleted)</source>
        <translation>어디에도 보내지 않음(삭제)</translation>
    </message>
    <message>
        <source>their original destinations</source>
        <translation>각자의 원래 목적지</translation>
    </message>
    <message>
        <source>Each message is sent with a receipt and taken off the source only after the broker confirmed it: a crash can duplicate a message but never lose one.</source>
        <translation>메시지마다 수신 확인을 요청해 보내고, 브로커가 확인한 뒤에만 원본에서 꺼냅니다. 비정상 종료로 메시지가 중복될 수는 있어도 사라지지는 않습니다.</translation>
    </message>
    <message>
        <source>Delete {how_many}{matching} from {source}? They cannot be brought back. Every message is read to test it; the others stay, marked redelivered.</source>
        <translation>{source}에서 {how_many}{matching}을(를) 삭제할까요? 되돌릴 수 없습니다. 모든 메시지를 읽어 검사하며, 나머지는 재전달 표시가 붙은 채 남습니다.</translation>
    </message>
    <message>
        <source>Copy {how_many}{matching} from {source} to {target}; the originals stay where they are. Each copy is confirmed by the broker (receipt).</source>
        <translation>{source}의 {how_many}{matching}을(를) {target}(으)로 복사합니다. 원본은 그대로 남습니다. 복사본마다 브로커가 확인합니다(수신 확인).</translation>
    </message>
    <message>
        <source>Send {how_many}{matching} from {source} back to their original destinations (the original-destination or x-first-death-queue header).</source>
        <translation>{source}의 {how_many}{matching}을(를) 원래 목적지(original-destination 또는 x-first-death-queue 헤더)로 되돌려 보냅니다.</translation>
    </message>
    <message>
        <source>Move {how_many}{matching} from {source} to {target}.</source>
        <translation>{source}의 {how_many}{matching}을(를) {target}(으)로 이동합니다.</translation>
    </message>
    <message>
        <source>{removed} removed · {kept} not matching, kept</source>
        <translation>{removed}건 제거 · 맞지 않아 남긴 것 {kept}건</translation>
    </message>
    <message>
        <source>{n} copied</source>
        <translation>{n}건 복사</translation>
    </message>
    <message>
        <source>{n} moved</source>
        <translation>{n}건 이동</translation>
    </message>
    <message>
        <source>{done} · {duplicated} duplicated · {failed} failed · {skipped} skipped</source>
        <translation>{done} · 중복 {duplicated}건 · 실패 {failed}건 · 건너뜀 {skipped}건</translation>
    </message>
    <message>
        <source>Sent back to {places}.</source>
        <translation>되돌려 보낸 곳: {places}.</translation>
    </message>
    <message>
        <source>Skipped messages had no original destination (or one that is not a queue) and stay on the source.</source>
        <translation>건너뛴 메시지는 원래 목적지가 없거나 큐가 아니어서 원본에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Duplicated messages were sent but are still on the source too: nothing was lost.</source>
        <translation>중복된 메시지는 보냈지만 원본에도 남아 있습니다. 잃은 메시지는 없습니다.</translation>
    </message>
    <message>
        <source>{count} had been delivered before (a consumer, a preview or an interrupted move): after an interrupted move they may be in the target twice.</source>
        <translation>{count}건은 이전에 전달된 적이 있습니다(소비자, 미리 보기, 또는 중단된 이동). 중단된 이동 뒤라면 대상에 두 번 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>{count} read but not matching the filter stayed on the source (marked redelivered).</source>
        <translation>읽었지만 필터에 맞지 않은 {count}건은 원본에 남았습니다(재전달 표시).</translation>
    </message>
    <message>
        <source>Stopped as you asked; what was not handled stays on the source.</source>
        <translation>요청대로 중지했습니다. 처리하지 않은 메시지는 원본에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Stopped: {reason} The refused message stays on the source.</source>
        <translation>중지됨: {reason} 거부된 메시지는 원본에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Stopped: the connection was lost; unacknowledged messages went back to the source.</source>
        <translation>중지됨: 연결이 끊겼습니다. 확인 응답하지 않은 메시지는 원본으로 돌아갔습니다.</translation>
    </message>
    <message>
        <source>browsed with the queue browser: nothing was taken or reordered</source>
        <translation>큐 브라우저로 둘러봄: 가져가거나 순서를 바꾼 것 없음</translation>
    </message>
    <message>
        <source>read without acknowledging and given back: nothing was taken, but the broker marks them redelivered</source>
        <translation>확인 응답 없이 읽고 돌려줌: 가져간 것은 없지만 브로커가 재전달 표시를 붙임</translation>
    </message>
    <message>
        <source>{count} messages would be deleted ({how}).</source>
        <translation>메시지 {count}건이 삭제됩니다({how}).</translation>
    </message>
    <message>
        <source>{count} messages would be copied ({how}).</source>
        <translation>메시지 {count}건이 복사됩니다({how}).</translation>
    </message>
    <message>
        <source>{count} messages would move ({how}).</source>
        <translation>메시지 {count}건이 이동됩니다({how}).</translation>
    </message>
    <message>
        <source>Delete every message matching {selector} from {queue}? They cannot be brought back.</source>
        <translation>{queue}에서 {selector}에 맞는 메시지를 모두 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete every message waiting in {queue} (about {count} now)? They cannot be brought back.</source>
        <translation>{queue}에서 대기 중인 메시지(지금 약 {count}건)를 모두 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete every message waiting in {queue}? They cannot be brought back.</source>
        <translation>{queue}에서 대기 중인 메시지를 모두 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Purged {queue} (the broker did not say how many).</source>
        <translation>{queue}의 메시지를 모두 삭제했습니다(브로커가 개수를 알려 주지 않음).</translation>
    </message>
    <message>
        <source>Removed {count} messages matching {selector} from {queue}.</source>
        <translation>{queue}에서 {selector}에 맞는 메시지 {count}건을 제거했습니다.</translation>
    </message>
    <message>
        <source>Removed {count} messages from {queue}.</source>
        <translation>{queue}에서 메시지 {count}건을 제거했습니다.</translation>
    </message>
    <message>
        <source>Removed about {count} messages from {queue}.</source>
        <translation>{queue}에서 메시지 약 {count}건을 제거했습니다.</translation>
    </message>
    <message>
        <source>{count} delivered but unacknowledged messages stay (a consumer holds them).</source>
        <translation>전달되었지만 확인 응답되지 않은 메시지 {count}건은 남습니다(소비자가 가지고 있음).</translation>
    </message>
    <message>
        <source>{count} destinations</source>
        <translation>목적지 {count}개</translation>
    </message>
    <message>
        <source>Send {count} messages again to {where} on {connection}? Headers the broker set (message-id, timestamp, …) are left out; each send is confirmed by a receipt.</source>
        <translation>{connection}에서 {where}(으)로 메시지 {count}건을 다시 보낼까요? 브로커가 붙인 헤더(message-id, timestamp, …)는 빼며, 보낼 때마다 수신 확인으로 확인합니다.</translation>
    </message>
    <message>
        <source>{sent} sent · {refused} refused · {unconfirmed} unconfirmed · {not_sent} not sent.</source>
        <translation>보냄 {sent} · 거부됨 {refused} · 확인 안 됨 {unconfirmed} · 안 보냄 {not_sent}.</translation>
    </message>
    <message>
        <source>The connection ended first: unconfirmed messages may or may not have arrived.</source>
        <translation>연결이 먼저 끊겼습니다. 확인되지 않은 메시지는 도착했을 수도, 아닐 수도 있습니다.</translation>
    </message>
    <message>
        <source>Move messages to…</source>
        <translation>다른 큐로 메시지 이동…</translation>
    </message>
    <message>
        <source>Move this queue&apos;s messages to another queue</source>
        <translation>이 큐의 메시지를 다른 큐로 옮깁니다</translation>
    </message>
    <message>
        <source>Copy messages to…</source>
        <translation>다른 큐로 메시지 복사…</translation>
    </message>
    <message>
        <source>Copy this queue&apos;s messages to another queue; they stay</source>
        <translation>이 큐의 메시지를 다른 큐로 복사합니다. 원본은 남습니다</translation>
    </message>
    <message>
        <source>Re-drive to original destinations…</source>
        <translation>원래 목적지로 되돌려 보내기…</translation>
    </message>
    <message>
        <source>Send dead letters back to the queue each one came from</source>
        <translation>데드 레터를 각각 원래 있던 큐로 되돌려 보냅니다</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>모두 삭제…</translation>
    </message>
    <message>
        <source>Delete every message waiting in this queue</source>
        <translation>이 큐에서 대기 중인 메시지를 모두 삭제합니다</translation>
    </message>
    <message>
        <source>Remove matching…</source>
        <translation>조건에 맞는 메시지 제거…</translation>
    </message>
    <message>
        <source>Delete the messages a selector or filter matches</source>
        <translation>셀렉터나 필터에 맞는 메시지를 삭제합니다</translation>
    </message>
    <message>
        <source>Open the profile</source>
        <translation>프로필 열기</translation>
    </message>
    <message>
        <source>Waiting for your answer…</source>
        <translation>응답을 기다리는 중…</translation>
    </message>
    <message>
        <source>Nothing was touched.</source>
        <translation>아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>{source}: {result}</source>
        <translation>{source}: {result}</translation>
    </message>
    <message>
        <source>Purge the queue?</source>
        <translation>큐의 메시지를 모두 삭제할까요?</translation>
    </message>
    <message>
        <source>Stopped: the connection&apos;s tab was closed. What was not handled stays on the source; nothing was lost.</source>
        <translation>중지됨: 연결 탭이 닫혔습니다. 처리하지 않은 메시지는 원본에 남아 있으며 잃은 것은 없습니다.</translation>
    </message>
    <message>
        <source>Move the messages?</source>
        <translation>메시지를 이동할까요?</translation>
    </message>
    <message>
        <source>Copy the messages?</source>
        <translation>메시지를 복사할까요?</translation>
    </message>
    <message>
        <source>Re-drive the dead letters?</source>
        <translation>데드 레터를 되돌려 보낼까요?</translation>
    </message>
    <message>
        <source>Delete the matching messages?</source>
        <translation>조건에 맞는 메시지를 삭제할까요?</translation>
    </message>
    <message>
        <source>Re-publish selected ({count})…</source>
        <translation>선택 항목 다시 발행({count})…</translation>
    </message>
    <message>
        <source>Send the selected messages again, to their own or another destination, on any open connection</source>
        <translation>선택한 메시지를 열린 연결 중 하나로, 원래 목적지나 다른 목적지에 다시 보냅니다</translation>
    </message>
    <message>
        <source>Stopped: the connection&apos;s tab was closed.</source>
        <translation>중지됨: 연결 탭이 닫혔습니다.</translation>
    </message>
</context>
<context>
    <name>RecordControl</name>
    <message>
        <source>recorded on {name}</source>
        <translation>{name}에서 기록함</translation>
    </message>
    <message>
        <source>● Recording on {name}: {sent} sent, {received} received</source>
        <translation>● {name}에서 기록 중: 보냄 {sent}, 받음 {received}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record this connection</source>
        <translation>이 연결 기록</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>폴더 선택</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>The oldest messages are removed past this size</source>
        <translation>이 크기를 넘으면 가장 오래된 메시지부터 지웁니다</translation>
    </message>
    <message>
        <source> days</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Messages older than this are removed</source>
        <translation>이보다 오래된 메시지는 지웁니다</translation>
    </message>
    <message>
        <source>Keep recording: record every connection of this profile</source>
        <translation>계속 기록: 이 프로필의 모든 연결을 기록</translation>
    </message>
    <message>
        <source>Built-in profiles cannot be changed</source>
        <translation>내장 프로필은 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>크기 한도</translation>
    </message>
    <message>
        <source>Age limit</source>
        <translation>보관 기간</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Capture folder</source>
        <translation>캡처 폴더</translation>
    </message>
    <message>
        <source>Recorded scenario</source>
        <translation>기록한 시나리오</translation>
    </message>
    <message>
        <source>The scenario&apos;s name (the JUnit test case&apos;s name)</source>
        <translation>시나리오 이름(JUnit 테스트 케이스 이름)</translation>
    </message>
    <message>
        <source>Checked: its messages become expect steps</source>
        <translation>선택하면 그 메시지가 기대 단계가 됩니다</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>메시지 1건</translation>
    </message>
    <message>
        <source>{count} messages</source>
        <translation>메시지 {count}건</translation>
    </message>
    <message>
        <source>{sent} sent and {received} received. Sends become send steps; each message received on a checked subscription becomes an expect step with the headers and body that were seen. Checked at first: subscriptions opened while recording and destinations you sent to; check an older one if your check expects its messages (a reply, a notification).</source>
        <translation>보냄 {sent}건, 받음 {received}건. 보낸 것은 보내기 단계가 되고, 선택한 구독에서 받은 메시지는 본 그대로의 헤더와 본문으로 기대 단계가 됩니다. 처음에는 기록 중에 연 구독과 메시지를 보낸 목적지가 선택되어 있습니다. 점검에서 그 메시지(응답, 알림)를 기대한다면 더 이전 구독도 선택하세요.</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>시나리오 이름</translation>
    </message>
    <message>
        <source>Expect the messages of</source>
        <translation>다음 구독의 메시지를 기대</translation>
    </message>
    <message>
        <source>recorded check</source>
        <translation>기록한 점검</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Open what was recorded so far</source>
        <translation>지금까지 기록한 내용 열기</translation>
    </message>
    <message>
        <source>Don&apos;t record next time</source>
        <translation>다음부터 기록 안 함</translation>
    </message>
    <message>
        <source>This profile records every connection: turn that off (this one goes on)</source>
        <translation>이 프로필은 모든 연결을 기록합니다. 이 설정을 끕니다(지금 기록은 계속됨)</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>기록 중지</translation>
    </message>
    <message>
        <source>Stop recording this tab</source>
        <translation>이 탭 기록 중지</translation>
    </message>
    <message>
        <source>Recording to {file}</source>
        <translation>{file}에 기록 중</translation>
    </message>
    <message>
        <source>{count} frames</source>
        <translation>프레임 {count}개</translation>
    </message>
    <message>
        <source>{count} dropped (the disk could not keep up)</source>
        <translation>{count}건 누락(디스크가 따라가지 못함)</translation>
    </message>
    <message>
        <source>{count} evicted by the caps</source>
        <translation>한도 초과로 {count}건 밀려남</translation>
    </message>
</context>
<context>
    <name>RepublishDialog</name>
    <message>
        <source>Re-publish {count} messages</source>
        <translation>메시지 {count}건 다시 발행</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 외 {count}개</translation>
    </message>
    <message>
        <source>Their own destination ({destinations})</source>
        <translation>원래 목적지({destinations})</translation>
    </message>
    <message>
        <source>Another destination:</source>
        <translation>다른 목적지:</translation>
    </message>
    <message>
        <source>/queue/name</source>
        <translation>/queue/이름</translation>
    </message>
    <message>
        <source>The open connection the messages are sent on</source>
        <translation>메시지를 보낼 열린 연결</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>보낼 곳</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Edit in composer</source>
        <translation>메시지 작성 창에서 편집</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>No open connection to send on: connect one first.</source>
        <translation>보낼 수 있는 열린 연결이 없습니다. 먼저 연결하세요.</translation>
    </message>
    <message>
        <source>Type the destination to send to.</source>
        <translation>보낼 목적지를 입력하세요.</translation>
    </message>
    <message>
        <source>Left out: {headers}.</source>
        <translation>뺀 헤더: {headers}.</translation>
    </message>
    <message>
        <source>Open the message in the composer to change it before sending</source>
        <translation>보내기 전에 고칠 수 있도록 메시지 작성 창에서 메시지를 엽니다</translation>
    </message>
    <message>
        <source>The composer edits one message: select one row for this</source>
        <translation>메시지 작성 창은 메시지 하나만 편집합니다. 행 하나를 선택하세요</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Sent {done} of {total}…</source>
        <translation>{total}건 중 {done}건 보냄…</translation>
    </message>
</context>
<context>
    <name>SaveMessageDialog</name>
    <message>
        <source>Save to library</source>
        <translation>라이브러리에 저장</translation>
    </message>
    <message>
        <source>for example: new order for user 1001</source>
        <translation>예: 사용자 1001의 새 주문</translation>
    </message>
    <message>
        <source>The message&apos;s name in its collection</source>
        <translation>컬렉션 안에서의 메시지 이름</translation>
    </message>
    <message>
        <source>A collection of the library, or a new name</source>
        <translation>라이브러리의 컬렉션 또는 새 이름</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>컬렉션</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is in &apos;{collection}&apos; already: saving replaces it.</source>
        <translation>&apos;{collection}&apos;에 &apos;{name}&apos;이(가) 이미 있습니다. 저장하면 바뀝니다.</translation>
    </message>
    <message>
        <source>Headers that look like secrets (Authorization, passcode, token…) are not saved; write them as templates such as {{env.API_TOKEN}}.</source>
        <translation>비밀 값으로 보이는 헤더(Authorization, passcode, token…)는 저장하지 않습니다. {{env.API_TOKEN}} 같은 템플릿으로 쓰세요.</translation>
    </message>
</context>
<context>
    <name>ScenarioPane</name>
    <message>
        <source>New scenario (an example)</source>
        <translation>새 시나리오(예제)</translation>
    </message>
    <message>
        <source>Open a scenario file</source>
        <translation>시나리오 파일 열기</translation>
    </message>
    <message>
        <source>Save the scenario (Ctrl+S)</source>
        <translation>시나리오 저장(Ctrl+S)</translation>
    </message>
    <message>
        <source>Run on the current connection (Ctrl+Enter)</source>
        <translation>현재 연결에서 실행(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>실행 중지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Record: what you send and receive on this connection becomes a scenario</source>
        <translation>기록: 이 연결에서 보내고 받는 것이 시나리오가 됩니다</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Save the last run as JUnit XML (for CI)</source>
        <translation>마지막 실행 결과를 JUnit XML로 저장(CI용)</translation>
    </message>
    <message>
        <source>Open a scenario file, press New for an example, or press Record and use the connection: what you send and receive becomes a scenario.</source>
        <translation>시나리오 파일을 열거나, 새 시나리오로 예제를 보거나, 기록을 누르고 연결을 사용하세요. 보내고 받는 것이 시나리오가 됩니다.</translation>
    </message>
    <message>
        <source>The scenario file (YAML), checked as you type</source>
        <translation>시나리오 파일(YAML). 입력하는 대로 검사합니다</translation>
    </message>
    <message>
        <source>The scenario&apos;s steps: ✓ passed, ✗ failed, – not run; select one for details</source>
        <translation>시나리오 단계: ✓ 통과, ✗ 실패, – 실행 안 됨. 선택하면 자세히 보입니다</translation>
    </message>
    <message>
        <source>Nothing was sent or received while recording.</source>
        <translation>기록하는 동안 보내거나 받은 것이 없습니다.</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>연결 없음</translation>
    </message>
    <message>
        <source>Runs on: {name}</source>
        <translation>실행 대상: {name}</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아님</translation>
    </message>
    <message>
        <source>{file} cannot be opened: {reason}</source>
        <translation>{file}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>{file} cannot be written: {reason}</source>
        <translation>{file}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Unsaved scenario</source>
        <translation>저장하지 않은 시나리오</translation>
    </message>
    <message>
        <source>The scenario in the editor is not saved. Discard it?</source>
        <translation>편집기의 시나리오가 저장되지 않았습니다. 버릴까요?</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation>YAML (*.yaml *.yml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>“{name}”: 1 step, valid</source>
        <translation>“{name}”: 단계 1개, 올바름</translation>
    </message>
    <message>
        <source>“{name}”: {count} steps, valid</source>
        <translation>“{name}”: 단계 {count}개, 올바름</translation>
    </message>
    <message>
        <source>Connect first: a scenario runs on the current tab&apos;s connection.</source>
        <translation>먼저 연결하세요. 시나리오는 현재 탭의 연결에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Fix the scenario first (see below the editor).</source>
        <translation>먼저 시나리오를 고치세요(편집기 아래 참고).</translation>
    </message>
    <message>
        <source>Running on {name}…</source>
        <translation>{name}에서 실행 중…</translation>
    </message>
    <message>
        <source>Stopped: the scenario has a mistake.</source>
        <translation>중지됨: 시나리오에 잘못된 부분이 있습니다.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>JUnit report saved: {file}</source>
        <translation>JUnit 보고서를 저장했습니다: {file}</translation>
    </message>
    <message>
        <source>Save JUnit XML</source>
        <translation>JUnit XML 저장</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>{line}행</translation>
    </message>
</context>
<context>
    <name>ScenarioResults</name>
    <message>
        <source>Subscribe to {destination} as {id}</source>
        <translation>{destination}을(를) {id}(으)로 구독</translation>
    </message>
    <message>
        <source>Send to {destination}</source>
        <translation>{destination}(으)로 보내기</translation>
    </message>
    <message>
        <source>Send {count} messages to {destination}</source>
        <translation>{destination}(으)로 메시지 {count}건 보내기</translation>
    </message>
    <message>
        <source>(receipt)</source>
        <translation>(수신 확인)</translation>
    </message>
    <message>
        <source>Expect a message on {target} within {within}</source>
        <translation>{within} 안에 {target}에서 메시지 기대</translation>
    </message>
    <message>
        <source>Expect {count} messages on {target} within {within}</source>
        <translation>{within} 안에 {target}에서 메시지 {count}건 기대</translation>
    </message>
    <message>
        <source>Expect nothing on {target} for {duration}</source>
        <translation>{duration} 동안 {target}에 아무것도 오지 않기를 기대</translation>
    </message>
    <message>
        <source>Wait {duration}</source>
        <translation>{duration} 대기</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>{line}행</translation>
    </message>
    <message>
        <source>not run: stopped</source>
        <translation>실행 안 됨: 중지됨</translation>
    </message>
    <message>
        <source>Passed: {count} steps in {seconds} s</source>
        <translation>통과: 단계 {count}개, {seconds}초</translation>
    </message>
    <message>
        <source>Could not start: {reason}</source>
        <translation>시작할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Failed at step {index}: {label}</source>
        <translation>{index}단계에서 실패: {label}</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>connection problem</source>
        <translation>연결 문제</translation>
    </message>
    <message>
        <source>skipped after a failure</source>
        <translation>실패 후 건너뜀</translation>
    </message>
    <message>
        <source>Step {index}</source>
        <translation>{index}단계</translation>
    </message>
    <message>
        <source>Line {line} of {file}</source>
        <translation>{file} {line}행</translation>
    </message>
    <message>
        <source>took {time}</source>
        <translation>소요 {time}</translation>
    </message>
    <message>
        <source>send → receive {latency}</source>
        <translation>보내기 → 받기 {latency}</translation>
    </message>
    <message>
        <source>The connection was lost: {reason}</source>
        <translation>연결이 끊겼습니다: {reason}</translation>
    </message>
    <message>
        <source>The broker refused it: {words}</source>
        <translation>브로커가 거부했습니다: {words}</translation>
    </message>
    <message>
        <source>Expected a matching message on {target} within {within}: {arrived} arrived.</source>
        <translation>{within} 안에 {target}에서 조건에 맞는 메시지를 기대했습니다: {arrived}건 도착.</translation>
    </message>
    <message>
        <source>Expected {count} matching messages on {target} within {within}: {matched} matched, {arrived} arrived.</source>
        <translation>{within} 안에 {target}에서 조건에 맞는 메시지 {count}건을 기대했습니다: {matched}건 일치, {arrived}건 도착.</translation>
    </message>
    <message>
        <source>Expected no matching message on {target} for {duration}, but one arrived.</source>
        <translation>{duration} 동안 {target}에 조건에 맞는 메시지가 없기를 기대했지만 하나가 도착했습니다.</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>기대</translation>
    </message>
    <message>
        <source>No message arrived.</source>
        <translation>도착한 메시지가 없습니다.</translation>
    </message>
    <message>
        <source>Closest messages that arrived</source>
        <translation>도착한 메시지 중 가장 비슷한 것</translation>
    </message>
    <message>
        <source>The message that arrived</source>
        <translation>도착한 메시지</translation>
    </message>
    <message>
        <source>#{number} on {destination}</source>
        <translation>{destination}의 #{number}</translation>
    </message>
    <message>
        <source>{score} of {total} rules hold</source>
        <translation>규칙 {total}개 중 {score}개 충족</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>받음</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>기대</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받음</translation>
    </message>
</context>
<context>
    <name>ScenarioText</name>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>This is not valid YAML: {reason}</source>
        <translation>올바른 YAML이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Write key: value lines here (keys: {keys}).</source>
        <translation>여기에는 ‘키: 값’ 줄을 쓰세요(키: {keys}).</translation>
    </message>
    <message>
        <source>Write key: value lines here.</source>
        <translation>여기에는 ‘키: 값’ 줄을 쓰세요.</translation>
    </message>
    <message>
        <source>Write a list here: lines starting with &apos;- &apos;.</source>
        <translation>여기에는 목록을 쓰세요: ‘- ’로 시작하는 줄.</translation>
    </message>
    <message>
        <source>A key must be plain text.</source>
        <translation>키는 일반 텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>This key is given twice.</source>
        <translation>이 키가 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>This value cannot be read: {reason}</source>
        <translation>이 값을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>This should be text.</source>
        <translation>텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>This should be text, not empty.</source>
        <translation>비어 있지 않은 텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>This should be true or false.</source>
        <translation>true 또는 false여야 합니다.</translation>
    </message>
    <message>
        <source>This should be a whole number of at least {minimum}.</source>
        <translation>{minimum} 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>This should be a number above 0.</source>
        <translation>0보다 큰 수여야 합니다.</translation>
    </message>
    <message>
        <source>This should be a duration with a unit, for example 2s or 500ms.</source>
        <translation>단위가 있는 시간이어야 합니다. 예: 2s 또는 500ms.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; needs a unit, for example {value}s or 500ms.</source>
        <translation>&apos;{value}&apos;에는 단위가 필요합니다. 예: {value}s 또는 500ms.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a duration: write a number and a unit (ms, s, m), for example 2s.</source>
        <translation>&apos;{value}&apos;은(는) 시간이 아닙니다. 숫자와 단위(ms, s, m)를 쓰세요. 예: 2s.</translation>
    </message>
    <message>
        <source>&apos;name&apos; is missing (a line such as: name: order reaches the user).</source>
        <translation>&apos;name&apos;이 없습니다(예: name: order reaches the user 같은 줄).</translation>
    </message>
    <message>
        <source>Give either &apos;connection&apos; or &apos;profile&apos;, not both.</source>
        <translation>&apos;connection&apos;과 &apos;profile&apos; 중 하나만 쓰세요.</translation>
    </message>
    <message>
        <source>&apos;steps&apos; is missing (a list of subscribe, send, expect … steps).</source>
        <translation>&apos;steps&apos;가 없습니다(subscribe, send, expect … 단계의 목록).</translation>
    </message>
    <message>
        <source>There are no steps.</source>
        <translation>단계가 없습니다.</translation>
    </message>
    <message>
        <source>This variable cannot be used: {reason}</source>
        <translation>이 변수는 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>A step needs exactly one of {kinds}.</source>
        <translation>단계에는 {kinds} 중 정확히 하나가 있어야 합니다.</translation>
    </message>
    <message>
        <source>A step needs exactly one of {kinds} (found {found}).</source>
        <translation>단계에는 {kinds} 중 정확히 하나가 있어야 합니다(지금: {found}).</translation>
    </message>
    <message>
        <source>The id is empty.</source>
        <translation>id가 비어 있습니다.</translation>
    </message>
    <message>
        <source>The subscription id &apos;{id}&apos; is used twice.</source>
        <translation>구독 id &apos;{id}&apos;가 두 번 쓰였습니다.</translation>
    </message>
    <message>
        <source>Give either &apos;subscription&apos; (an id) or &apos;destination&apos;, exactly one.</source>
        <translation>&apos;subscription&apos;(id)과 &apos;destination&apos; 중 정확히 하나를 쓰세요.</translation>
    </message>
    <message>
        <source>No subscribe step before this one has the id &apos;{id}&apos; (ids: {known}).</source>
        <translation>이 단계 앞에 id가 &apos;{id}&apos;인 subscribe 단계가 없습니다(있는 id: {known}).</translation>
    </message>
    <message>
        <source>No subscribe step before this one has the id &apos;{id}&apos; (none yet).</source>
        <translation>이 단계 앞에 id가 &apos;{id}&apos;인 subscribe 단계가 없습니다(아직 구독 없음).</translation>
    </message>
    <message>
        <source>&apos;for&apos; is missing: how long nothing may arrive, for example for: 500ms.</source>
        <translation>&apos;for&apos;가 없습니다: 아무것도 오지 않아야 하는 시간을 쓰세요. 예: for: 500ms.</translation>
    </message>
    <message>
        <source>&apos;destination&apos; is missing.</source>
        <translation>&apos;destination&apos;이 없습니다.</translation>
    </message>
    <message>
        <source>Give at least one of {keys}.</source>
        <translation>{keys} 중 하나 이상을 쓰세요.</translation>
    </message>
    <message>
        <source>Give at least one JSONPath, for example json: {{&quot;$.user&quot;: 1001}}.</source>
        <translation>JSONPath를 하나 이상 쓰세요. 예: json: {{&quot;$.user&quot;: 1001}}.</translation>
    </message>
    <message>
        <source>The regular expression does not compile: {reason}</source>
        <translation>정규식을 컴파일할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a JSONPath that parses ({reason}).</source>
        <translation>&apos;{path}&apos;은(는) 해석할 수 있는 JSONPath가 아닙니다({reason}).</translation>
    </message>
    <message>
        <source>A header name is empty.</source>
        <translation>헤더 이름이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Set the destination with the send step&apos;s own &apos;destination&apos; key.</source>
        <translation>목적지는 send 단계의 &apos;destination&apos; 키로 정하세요.</translation>
    </message>
    <message>
        <source>Ask for a receipt with the send step&apos;s &apos;receipt: true&apos;.</source>
        <translation>수신 확인은 send 단계의 &apos;receipt: true&apos;로 요청하세요.</translation>
    </message>
    <message>
        <source>content-length is computed from the body.</source>
        <translation>content-length는 본문에서 계산됩니다.</translation>
    </message>
    <message>
        <source>Unknown key &apos;{name}&apos; (allowed here: {allowed}).</source>
        <translation>알 수 없는 키 &apos;{name}&apos;(여기에 쓸 수 있는 키: {allowed}).</translation>
    </message>
    <message>
        <source>template: {reason}</source>
        <translation>템플릿: {reason}</translation>
    </message>
    <message>
        <source>column {column}: {reason}</source>
        <translation>템플릿 오류({column}열): {reason}</translation>
    </message>
</context>
<context>
    <name>SearchText</name>
    <message>
        <source>This &apos;)&apos; has no matching &apos;(&apos;: remove it or add one before.</source>
        <translation>이 &apos;)&apos;에 짝이 되는 &apos;(&apos;가 없습니다. 지우거나 앞에 &apos;(&apos;를 넣으세요.</translation>
    </message>
    <message>
        <source>Unexpected text here: join conditions with and/or.</source>
        <translation>여기에 예상하지 못한 텍스트가 있습니다. 조건은 and/or로 이으세요.</translation>
    </message>
    <message>
        <source>The expression ends too early: a condition is missing here.</source>
        <translation>식이 너무 일찍 끝납니다. 여기에 조건이 빠졌습니다.</translation>
    </message>
    <message>
        <source>A condition is missing before this and/or.</source>
        <translation>이 and/or 앞에 조건이 빠졌습니다.</translation>
    </message>
    <message>
        <source>Empty parentheses: put a condition inside.</source>
        <translation>괄호가 비어 있습니다. 안에 조건을 넣으세요.</translation>
    </message>
    <message>
        <source>Missing &apos;)&apos; to close the &apos;(&apos; here.</source>
        <translation>여기의 &apos;(&apos;를 닫는 &apos;)&apos;가 없습니다.</translation>
    </message>
    <message>
        <source>A condition needs a name before the operator, as in priority&gt;5.</source>
        <translation>조건에는 priority&gt;5처럼 연산자 앞에 이름이 있어야 합니다.</translation>
    </message>
    <message>
        <source>The body takes ~ (a regular expression); for text, write the words themselves.</source>
        <translation>body에는 ~(정규식)를 씁니다. 텍스트를 찾으려면 단어 자체를 쓰세요.</translation>
    </message>
    <message>
        <source>&apos;has&apos; needs a header name or a JSONPath, as in: has priority.</source>
        <translation>&apos;has&apos; 뒤에는 has priority처럼 헤더 이름이나 JSONPath가 와야 합니다.</translation>
    </message>
    <message>
        <source>Every message has a {name}: &apos;has&apos; is for headers and JSON fields (quote the name for a header called {name}: has &quot;{name}&quot;).</source>
        <translation>모든 메시지에는 {name}이(가) 있습니다. &apos;has&apos;는 헤더와 JSON 필드용입니다(이름이 {name}인 헤더라면 따옴표로 감싸세요: has &quot;{name}&quot;).</translation>
    </message>
    <message>
        <source>This string has no closing {quote}: add one.</source>
        <translation>이 문자열을 닫는 {quote}가 없습니다. 넣어 주세요.</translation>
    </message>
    <message>
        <source>A value is missing after the operator.</source>
        <translation>연산자 뒤에 값이 없습니다.</translation>
    </message>
    <message>
        <source>This JSONPath does not parse.</source>
        <translation>이 JSONPath를 해석할 수 없습니다.</translation>
    </message>
    <message>
        <source>This regular expression has no closing &apos;/&apos;: add one, or quote the text to search for it as it is.</source>
        <translation>이 정규식을 닫는 &apos;/&apos;가 없습니다. &apos;/&apos;를 넣거나, 텍스트 그대로 찾으려면 따옴표로 감싸세요.</translation>
    </message>
    <message>
        <source>Unknown regular expression flag &apos;{flag}&apos;: use i (ignore case), s (dot matches newline) or x (verbose); or quote the text to search for it as it is.</source>
        <translation>알 수 없는 정규식 플래그 &apos;{flag}&apos;입니다. i(대소문자 무시), s(점이 줄바꿈과도 일치), x(자세한 모드)를 쓰거나, 텍스트 그대로 찾으려면 따옴표로 감싸세요.</translation>
    </message>
    <message>
        <source>Invalid regular expression: {reason}.</source>
        <translation>잘못된 정규식입니다: {reason}.</translation>
    </message>
    <message>
        <source>{value} cannot be ordered: use = or !=.</source>
        <translation>{value}은(는) 크기를 비교할 수 없습니다. = 또는 !=를 쓰세요.</translation>
    </message>
    <message>
        <source>{field} is a number: compare it with &lt; &lt;= &gt; &gt;= = !=.</source>
        <translation>{field}은(는) 숫자입니다. &lt; &lt;= &gt; &gt;= = != 로 비교하세요.</translation>
    </message>
    <message>
        <source>&apos;{wildcard}&apos; matches the rest of a destination: put it last (as in /topic/prices.&gt;).</source>
        <translation>&apos;{wildcard}&apos;는 목적지의 나머지 전부와 일치합니다. /topic/prices.&gt;처럼 맨 끝에 두세요.</translation>
    </message>
    <message>
        <source>size takes a whole number of bytes, as in size &gt; 1000.</source>
        <translation>size에는 size &gt; 1000처럼 바이트 수를 정수로 씁니다.</translation>
    </message>
    <message>
        <source>{field} takes = or != (or ~ for a regular expression).</source>
        <translation>{field}에는 = 또는 !=(정규식이면 ~)를 씁니다.</translation>
    </message>
    <message>
        <source>direction takes = or !=, as in direction=in.</source>
        <translation>direction에는 direction=in처럼 = 또는 !=를 씁니다.</translation>
    </message>
    <message>
        <source>direction is &apos;in&apos; (received) or &apos;out&apos; (sent).</source>
        <translation>direction은 &apos;in&apos;(받음) 또는 &apos;out&apos;(보냄)입니다.</translation>
    </message>
    <message>
        <source>time takes an ISO date and time (2026-11-30T10:00, local unless it ends in Z or an offset), epoch seconds, or a time relative to now (-15m, -2h, -1d).</source>
        <translation>time에는 ISO 날짜와 시각(2026-11-30T10:00, Z나 오프셋으로 끝나지 않으면 현지 시각), epoch 초, 또는 지금 기준 상대 시간(-15m, -2h, -1d)을 씁니다.</translation>
    </message>
    <message>
        <source>At character {n}: {problem}</source>
        <translation>{n}번째 문자: {problem}</translation>
    </message>
    <message>
        <source>The SQL condition cannot be used: write one SQL expression over the columns of the messages table, as in body_size &gt; 1000 AND command = &apos;MESSAGE&apos;.</source>
        <translation>이 SQL 조건은 쓸 수 없습니다. body_size &gt; 1000 AND command = &apos;MESSAGE&apos;처럼 messages 테이블의 열에 대한 SQL 식 하나를 쓰세요.</translation>
    </message>
    <message>
        <source>There is no capture at {path}: check the file name.</source>
        <translation>{path}에 캡처가 없습니다. 파일 이름을 확인하세요.</translation>
    </message>
    <message>
        <source>{path} is not a STOMP Explorer capture: choose a file recorded by STOMP Explorer (.stompcap), or import JSON Lines or CSV instead.</source>
        <translation>{path}은(는) STOMP Explorer 캡처가 아닙니다. STOMP Explorer로 기록한 파일(.stompcap)을 고르거나, 대신 JSON Lines나 CSV를 가져오세요.</translation>
    </message>
    <message>
        <source>{path} was written by a newer STOMP Explorer (capture format {version}; this version reads up to {supported}): update STOMP Explorer to open it.</source>
        <translation>{path}은(는) 더 새로운 STOMP Explorer로 만든 파일입니다(캡처 형식 {version}, 이 버전은 {supported}까지 읽음). 열려면 STOMP Explorer를 업데이트하세요.</translation>
    </message>
    <message>
        <source>{path} is damaged or truncated: copy it again from where it was recorded, or recover what can still be read with the sqlite3 shell&apos;s .recover.</source>
        <translation>{path}이(가) 손상되었거나 잘렸습니다. 기록한 곳에서 다시 복사하거나, sqlite3 셸의 .recover로 읽을 수 있는 부분을 복구하세요.</translation>
    </message>
    <message>
        <source>{path} is in use by another program: stop the other recording or close the program that has it open, then try again.</source>
        <translation>다른 프로그램이 {path}을(를) 쓰고 있습니다. 다른 기록을 멈추거나 파일을 연 프로그램을 닫은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Recording to {path} stopped because the disk is full; {lost} message(s) were not saved, everything before them is. Free some space or choose another place, then record again.</source>
        <translation>디스크가 가득 차서 {path}에 기록하던 것을 멈췄습니다. 메시지 {lost}건은 저장되지 않았고, 그 전까지는 모두 저장되었습니다. 공간을 확보하거나 다른 위치를 고른 뒤 다시 기록하세요.</translation>
    </message>
    <message>
        <source>Recording to {path} stopped because the disk refused a write; {lost} message(s) were not saved, everything before them is. Choose another place, then record again.</source>
        <translation>디스크가 쓰기를 거부해서 {path}에 기록하던 것을 멈췄습니다. 메시지 {lost}건은 저장되지 않았고, 그 전까지는 모두 저장되었습니다. 다른 위치를 고른 뒤 다시 기록하세요.</translation>
    </message>
    <message>
        <source>These recording caps cannot work: give a size of at least 1 MiB and a positive age.</source>
        <translation>이 기록 한도로는 동작할 수 없습니다. 크기는 1 MiB 이상, 기간은 0보다 크게 주세요.</translation>
    </message>
    <message>
        <source>The capture {path} is closed: open it again.</source>
        <translation>캡처 {path}이(가) 닫혔습니다. 다시 여세요.</translation>
    </message>
    <message>
        <source>{path}, line {line}, cannot be imported: fix that line or export the file again.</source>
        <translation>{path}의 {line}행을 가져올 수 없습니다. 그 줄을 고치거나 파일을 다시 내보내세요.</translation>
    </message>
    <message>
        <source>{path} cannot be imported: export the file again.</source>
        <translation>{path}을(를) 가져올 수 없습니다. 파일을 다시 내보내세요.</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>검색을 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>The broker sent an ERROR: {message}</source>
        <translation>브로커가 ERROR를 보냈습니다: {message}</translation>
    </message>
    <message>
        <source>(no message header)</source>
        <translation>(message 헤더 없음)</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
    <message>
        <source>The broker closed the connection after its ERROR: {message}</source>
        <translation>브로커가 ERROR를 보낸 뒤 연결을 닫았습니다: {message}</translation>
    </message>
    <message>
        <source>The broker refused the login for &apos;{login}&apos;: {detail}. Check the login and passcode.</source>
        <translation>브로커가 &apos;{login}&apos;의 로그인을 거부했습니다: {detail}. 로그인과 패스코드를 확인하세요.</translation>
    </message>
    <message>
        <source>attempt {n}</source>
        <translation>{n}번째 시도</translation>
    </message>
    <message>
        <source>The broker sent an ERROR ({message}) but left the connection open for {seconds:g} s so far: STOMP brokers close it after an ERROR, so nothing will reconnect by itself; disconnect and connect again if the ERROR means the session is unusable (an expired token, for example).</source>
        <translation>브로커가 ERROR({message})를 보냈지만 {seconds:g}초째 연결을 열어 두고 있습니다. STOMP 브로커는 ERROR 뒤에 연결을 닫으므로 저절로 다시 연결되지 않습니다. ERROR가 세션을 쓸 수 없다는 뜻이라면(예: 만료된 토큰) 연결을 끊고 다시 연결하세요.</translation>
    </message>
    <message>
        <source>The broker sent an ERROR right after the SEND, so it was probably refused: {error}</source>
        <translation>SEND가 거부된 것 같습니다(바로 뒤에 ERROR가 옴): {error}</translation>
    </message>
    <message>
        <source>The broker refused the subscription to {destination}: {error}. It will not be subscribed again.</source>
        <translation>브로커가 {destination} 구독을 거부했습니다: {error}. 다시 구독하지 않습니다.</translation>
    </message>
    <message>
        <source>Could not subscribe to {destination}: {error}</source>
        <translation>{destination}을(를) 구독할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Destination discovery stopped: {error}</source>
        <translation>목적지 탐색이 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>Not connected: wait until the connection is up.</source>
        <translation>연결되어 있지 않습니다. 연결될 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>A {command} needs a destination: give one such as /queue/orders or /topic/prices.</source>
        <translation>{command}에는 목적지가 필요합니다. /queue/orders나 /topic/prices 같은 목적지를 입력하세요.</translation>
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
        <source>The broker refused the {command}: {error}</source>
        <translation>브로커가 {command}을(를) 거부했습니다: {error}</translation>
    </message>
    <message>
        <source>The body file {path} cannot be read ({reason}): choose it again.</source>
        <translation>본문 파일 {path}을(를) 읽을 수 없습니다({reason}). 다시 고르세요.</translation>
    </message>
    <message>
        <source>The browse of {destination} did not end within {seconds:g} s.</source>
        <translation>{destination} 둘러보기가 {seconds:g}초 안에 끝나지 않았습니다.</translation>
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
        <source>Sent {count} raw frame(s)</source>
        <translation>원시 프레임 {count}개 보냄</translation>
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
        <translation>{ms:.1f} ms 후 수신 확인</translation>
    </message>
    <message>
        <source>(no receipt requested)</source>
        <translation>(수신 확인 요청 안 함)</translation>
    </message>
    <message>
        <source>Peeked at {count} message(s) on {destination}; they stay on the queue.</source>
        <translation>{destination}의 메시지 {count}건을 찾아보았습니다. 메시지는 큐에 그대로 남아 있습니다.</translation>
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
        <source>Acknowledged (ACK) {id}</source>
        <translation>확인 응답(ACK) 보냄: {id}</translation>
    </message>
    <message>
        <source>Rejected (NACK) {id}</source>
        <translation>거부(NACK) 보냄: {id}</translation>
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
        <source>Reopen the last session&apos;s connections at start</source>
        <translation>시작할 때 지난 세션의 연결 다시 열기</translation>
    </message>
    <message>
        <source>Connect the tabs that were open when the window closed, and subscribe again</source>
        <translation>창을 닫을 때 열려 있던 탭을 연결하고 다시 구독합니다</translation>
    </message>
    <message>
        <source>Ask before discarding messages not exported</source>
        <translation>내보내지 않은 메시지를 버리기 전에 묻기</translation>
    </message>
    <message>
        <source>Closing a tab or quitting asks first when its log holds messages</source>
        <translation>로그에 메시지가 있으면 탭을 닫거나 끝낼 때 먼저 묻습니다</translation>
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
    <name>StepList</name>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연 시간</translation>
    </message>
</context>
<context>
    <name>SubscriptionList</name>
    <message>
        <source>Your subscriptions; right-click one to unsubscribe</source>
        <translation>내 구독. 오른쪽 클릭하면 구독을 해지할 수 있습니다</translation>
    </message>
    <message>
        <source>Pattern subscription (ack: {ack})</source>
        <translation>패턴 구독(ack: {ack})</translation>
    </message>
    <message>
        <source>Subscription (ack: {ack})</source>
        <translation>구독(ack: {ack})</translation>
    </message>
    <message>
        <source>The broker refused this subscription: {error}</source>
        <translation>브로커가 이 구독을 거부했습니다: {error}</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>구독 해지</translation>
    </message>
    <message>
        <source>Copy destination</source>
        <translation>목적지 복사</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>The template in {field} has a mistake at line {line}, column {column}: {reason}</source>
        <translation>{field}의 템플릿 {line}행 {column}열에 잘못된 부분이 있습니다: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>예기치 않은 오류: {error}</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>&apos;{name}&apos; is not defined (variables: {variables}; built-ins: {builtins})</source>
        <translation>&apos;{name}&apos;은(는) 정의되지 않았습니다(변수: {variables}, 내장: {builtins})</translation>
    </message>
    <message>
        <source>Faker has no locale &apos;{name}&apos; (for example en_US, ko_KR)</source>
        <translation>Faker에 &apos;{name}&apos; 로케일이 없습니다(예: en_US, ko_KR)</translation>
    </message>
    <message>
        <source>Faker has no &apos;{name}&apos; (for example faker.name(), faker.email())</source>
        <translation>Faker에 &apos;{name}&apos;이(가) 없습니다(예: faker.name(), faker.email())</translation>
    </message>
    <message>
        <source>template syntax: {message}</source>
        <translation>템플릿 문법이 맞지 않습니다: {message}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not defined (variables: none; built-ins: {builtins})</source>
        <translation>&apos;{name}&apos;은(는) 정의되지 않았습니다(변수 없음, 내장: {builtins})</translation>
    </message>
    <message>
        <source>the environment variable &apos;{name}&apos; is not set</source>
        <translation>환경 변수 &apos;{name}&apos;이(가) 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <source>not allowed in a template: {reason}</source>
        <translation>템플릿에서 허용되지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>The template failed while filling in: {error}</source>
        <translation>템플릿을 채우다가 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be a variable name: use letters, digits and _ (not starting with a digit)</source>
        <translation>&apos;{name}&apos;은(는) 변수 이름이 될 수 없습니다. 문자, 숫자, _를 쓰세요(숫자로 시작하지 않게)</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a built-in name ({builtins}); choose another name for the variable</source>
        <translation>&apos;{name}&apos;은(는) 내장 이름입니다({builtins}). 변수에 다른 이름을 고르세요</translation>
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
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Wire bytes (␀ = NUL, ↵ = LF)</source>
        <translation>전송된 바이트(␀ = NUL, ↵ = LF)</translation>
    </message>
</context>
<context>
    <name>TrafficView</name>
    <message>
        <source>Every frame and heart-beat on the wire; passcodes as ***</source>
        <translation>연결로 오간 모든 프레임과 하트비트. 패스코드는 ***로 표시</translation>
    </message>
    <message>
        <source>The selected record, byte-exact, then as hex</source>
        <translation>선택한 항목을 바이트 그대로, 이어서 16진수로</translation>
    </message>
    <message>
        <source>Heart-beats</source>
        <translation>하트비트</translation>
    </message>
    <message>
        <source>Show heart-beat records</source>
        <translation>하트비트 항목 표시</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>문제만</translation>
    </message>
    <message>
        <source>Show only the frames that broke the STOMP specification (marked rows)</source>
        <translation>STOMP 명세를 어긴 프레임(표시된 행)만 보기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Forget the records shown so far</source>
        <translation>지금까지 표시한 항목 지우기</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>항목 {count}개</translation>
    </message>
    <message>
        <source>{count} with problems</source>
        <translation>문제 있음 {count}건</translation>
    </message>
</context>
<context>
    <name>TreeEmptyState</name>
    <message>
        <source>Receive the messages of every topic of this broker</source>
        <translation>이 브로커의 모든 토픽 메시지 받기</translation>
    </message>
    <message>
        <source>Destinations appear here once the connection is up.</source>
        <translation>연결되면 여기에 목적지가 나타납니다.</translation>
    </message>
    <message>
        <source>The broker&apos;s destinations cannot be listed ({reason}). Subscribe to a destination above to see what flows.</source>
        <translation>브로커의 목적지 목록을 가져올 수 없습니다({reason}). 무엇이 오가는지 보려면 위에서 목적지를 구독하세요.</translation>
    </message>
    <message>
        <source>No destinations yet. Subscribe to one above or send a message from the composer.</source>
        <translation>아직 목적지가 없습니다. 위에서 구독하거나 메시지 작성 창에서 메시지를 보내세요.</translation>
    </message>
    <message>
        <source>Subscribe to {destination}</source>
        <translation>{destination} 구독</translation>
    </message>
</context>
<context>
    <name>TreePane</name>
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
        <translation>찾아보기(큐 브라우저, 메시지는 그대로 남음)</translation>
    </message>
    <message>
        <source>Peek — unavailable: {reason}</source>
        <translation>찾아보기 — 사용할 수 없음: {reason}</translation>
    </message>
    <message>
        <source>Receive copies of the messages published to a topic (auto-ack).</source>
        <translation>토픽에 발행된 메시지의 사본을 받습니다(자동 확인 응답).</translation>
    </message>
    <message>
        <source>On a queue this takes the messages away (you are asked first).</source>
        <translation>큐에서는 메시지를 가져가 버립니다(먼저 묻습니다).</translation>
    </message>
    <message>
        <source>Observe (subscribe, auto-ack)</source>
        <translation>관찰(구독, 자동 확인 응답)</translation>
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
        <translation>메시지를 받아 메시지 창의 ACK / NACK 버튼으로 하나씩 확인 응답하거나 거부합니다. 확인 응답한 메시지는 제거됩니다.</translation>
    </message>
    <message>
        <source>Drain (remove every message)…</source>
        <translation>비우기(모든 메시지 제거)…</translation>
    </message>
    <message>
        <source>Consume every message of the queue with automatic acknowledgement: they are removed.</source>
        <translation>큐의 모든 메시지를 자동 확인 응답으로 소비합니다. 메시지가 제거됩니다.</translation>
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
        <translation>{destination}을(를) 관찰하면 큐에서 메시지를 가져갑니다(자동 확인 응답). 다른 소비자는 그 메시지를 받지 못합니다. 그래도 구독할까요?</translation>
    </message>
    <message>
        <source>Consuming {destination} removes every message you acknowledge. Subscribe with manual ACK/NACK?</source>
        <translation>{destination}을(를) 소비하면 확인 응답(ACK)한 메시지가 모두 제거됩니다. 수동 ACK/NACK로 구독할까요?</translation>
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
        <translation>받았거나 보냈거나 탐색으로 찾은 목적지. 오른쪽 클릭으로 구독</translation>
    </message>
    <message>
        <source>Type a destination first, for example /queue/test.</source>
        <translation>먼저 목적지를 입력하세요. 예: /queue/test</translation>
    </message>
    <message>
        <source>Subscriptions ({count})</source>
        <translation>구독({count})</translation>
    </message>
    <message>
        <source>No subscriptions yet: type a destination above or right-click one.</source>
        <translation>아직 구독이 없습니다. 위에 목적지를 입력하거나 트리에서 오른쪽 클릭하세요.</translation>
    </message>
</context>
<context>
    <name>ValueChart</name>
    <message>
        <source>{path} is not a JSONPath: {error}</source>
        <translation>{path}은(는) JSONPath가 아닙니다: {error}</translation>
    </message>
    <message>
        <source>Right-click a number in the message pane&apos;s JSON view and choose “Chart this field” to follow it here.</source>
        <translation>메시지 창의 JSON 보기에서 숫자를 오른쪽 클릭하고 “이 필드 차트로 보기”를 고르면 여기서 값을 따라갑니다.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Freeze the chart (values keep being collected)</source>
        <translation>차트를 멈춥니다(값은 계속 모음)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove a series from the chart</source>
        <translation>차트에서 계열 삭제</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save every point as CSV: time, destination, field, value</source>
        <translation>모든 점을 CSV로 저장: 시각, 목적지, 필드, 값</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Export chart as CSV</source>
        <translation>차트를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>{count} points saved to {path}</source>
        <translation>점 {count}개를 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>VariableTable</name>
    <message>
        <source>Variable</source>
        <translation>변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Name and value; {{name}} in a template uses it</source>
        <translation>이름과 값. 템플릿에서 {{name}}으로 씁니다</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>변수 추가</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>선택한 변수 삭제</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <source>Template variables</source>
        <translation>템플릿 변수</translation>
    </message>
    <message>
        <source>Collection “{name}”</source>
        <translation>컬렉션 “{name}”</translation>
    </message>
    <message>
        <source>Profile “{name}”</source>
        <translation>프로필 “{name}”</translation>
    </message>
    <message>
        <source>Use them as {{name}} in destinations, headers and bodies. A collection&apos;s value wins over the profile&apos;s. Values that read as JSON (1001, true, [1, 2]) keep their type. Secrets are never saved here: use {{env.NAME}}.</source>
        <translation>목적지, 헤더, 본문에서 {{name}}처럼 씁니다. 컬렉션 값이 프로필 값보다 우선합니다. JSON으로 읽히는 값(1001, true, [1, 2])은 형식이 유지됩니다. 비밀 값은 여기에 저장하지 않습니다. {{env.NAME}}을 쓰세요.</translation>
    </message>
    <message>
        <source>“{name}” cannot be a variable name: use letters, digits and _, not starting with a digit, and not a built-in name (n, uuid, now, …).</source>
        <translation>“{name}”은(는) 변수 이름이 될 수 없습니다. 문자, 숫자, _를 쓰고, 숫자로 시작하지 말고, 내장 이름(n, uuid, now, …)이 아니어야 합니다.</translation>
    </message>
    <message>
        <source>“{name}” looks like a secret and would not be saved: write its value as a template such as {{{{env.API_TOKEN}}}}.</source>
        <translation>“{name}”은(는) 비밀 값으로 보여 저장되지 않습니다. 값을 {{{{env.API_TOKEN}}}} 같은 템플릿으로 쓰세요.</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>The library file cannot be used ({problem}); saved messages go to a temporary file until the window closes.</source>
        <translation>라이브러리 파일을 쓸 수 없습니다({problem}). 창을 닫을 때까지 저장한 메시지는 임시 파일에 보관됩니다.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>&amp;Benchmark…</source>
        <translation>벤치마크(&amp;B)…</translation>
    </message>
    <message>
        <source>Measure throughput, losses and latency against the current broker</source>
        <translation>현재 브로커의 처리량, 유실, 지연 시간을 측정합니다</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>시나리오(&amp;S)</translation>
    </message>
    <message>
        <source>Run and record send-and-expect scenarios</source>
        <translation>보내고 기대하는 시나리오를 실행하고 기록합니다</translation>
    </message>
    <message>
        <source>Message &amp;library</source>
        <translation>메시지 라이브러리(&amp;L)</translation>
    </message>
    <message>
        <source>Saved messages in collections</source>
        <translation>컬렉션에 저장한 메시지</translation>
    </message>
    <message>
        <source>Connect first: the benchmark runs against the current tab&apos;s broker.</source>
        <translation>먼저 연결하세요. 벤치마크는 현재 탭의 브로커를 대상으로 실행됩니다.</translation>
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
