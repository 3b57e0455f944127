import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

export type EmailLine = { title: string; detail: string; href: string };

const body = { backgroundColor: "#f8fafc", fontFamily: "ui-sans-serif, system-ui, sans-serif", color: "#0f172a" };
const card = { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: 8, padding: 24, maxWidth: 560 };
const muted = { color: "#64748b", fontSize: 12, lineHeight: "18px" };

function Footer({
  orgName,
  unsubscribeUrl,
  preferencesUrl,
}: {
  orgName: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}) {
  return (
    <>
      <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 12px" }} />
      <Text style={muted}>
        You get this from {orgName} on Partnerdesk. <Link href={unsubscribeUrl}>Unsubscribe from these emails</Link> or{" "}
        <Link href={preferencesUrl}>choose what you hear of</Link>.
      </Text>
    </>
  );
}

/** One event, one email. */
export function EventEmail(props: {
  orgName: string;
  line: EmailLine;
  unsubscribeUrl: string;
  preferencesUrl: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${props.line.title}: ${props.line.detail}`}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: 20, margin: "0 0 8px" }}>
            {props.line.title}
          </Heading>
          <Text style={{ fontSize: 14, lineHeight: "22px" }}>{props.line.detail}</Text>
          <Section style={{ margin: "16px 0" }}>
            <Button
              href={props.line.href}
              style={{
                backgroundColor: "#4f46e5",
                color: "#ffffff",
                borderRadius: 6,
                padding: "10px 16px",
                fontSize: 14,
              }}
            >
              Open in Partnerdesk
            </Button>
          </Section>
          <Footer orgName={props.orgName} unsubscribeUrl={props.unsubscribeUrl} preferencesUrl={props.preferencesUrl} />
        </Container>
      </Body>
    </Html>
  );
}

/** Everything of a period, one line each. */
export function DigestEmail(props: {
  orgName: string;
  heading: string;
  lines: EmailLine[];
  unsubscribeUrl: string;
  preferencesUrl: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${props.heading}: ${props.lines.length} update${props.lines.length === 1 ? "" : "s"}`}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: 20, margin: "0 0 16px" }}>
            {props.heading}
          </Heading>
          {props.lines.map((line, index) => (
            <Section key={index} style={{ marginBottom: 12 }}>
              <Link href={line.href} style={{ fontSize: 14, fontWeight: 600 }}>
                {line.title}
              </Link>
              <Text style={{ fontSize: 14, margin: "2px 0 0", lineHeight: "20px" }}>{line.detail}</Text>
            </Section>
          ))}
          <Footer orgName={props.orgName} unsubscribeUrl={props.unsubscribeUrl} preferencesUrl={props.preferencesUrl} />
        </Container>
      </Body>
    </Html>
  );
}
