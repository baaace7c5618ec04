<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Required action branchkey-set-pin (docs/pin.md). pinMode "choose": the user types a new PIN twice;
     pinMode "show": the realm does not let users choose, so a generated PIN is shown once; pinMode "wait": the
     user's new PINs for this hour are used up, and the message says so. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('pin','pin-confirm'); section>
<!-- template: branchkey-set-pin.ftl -->
    <#if section = "header">
        <#if pinMode == "show">${msg("branchkeyPinShownTitle")}<#else>${msg("branchkeySetPinTitle")}</#if>
    <#elseif section = "form">
        <#-- Theme resource of the Branchkey jar: found in any login theme, so linked here rather than in theme.properties -->
        <link rel="stylesheet" href="${url.resourcesPath}/css/branchkey-pin.css"/>
        <#if pinMode == "wait">
            <#-- only the message (shown by the layout) -->
        <#elseif pinMode == "show">
            <div id="bk-pin-shown-text" class="${properties.kcContentWrapperClass!}">
                <p>${msg("branchkeyPinShownIntro")}</p>
                <p class="bk-pin-shown" aria-label="${msg("branchkeyPinShownLabel")}">
                    <output id="bk-generated-pin" class="bk-pin-digits">${generatedPin}</output>
                </p>
                <p>${msg("branchkeyPinShownOnce")}</p>
            </div>
            <form id="kc-branchkey-set-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="kc-submit" name="acknowledge" label="branchkeyPinAcknowledge"/>
                </@buttons.actionGroup>
            </form>
        <#else>
            <p id="bk-pin-instruction" class="${properties.kcContentWrapperClass!}">${msg("branchkeySetPinInstruction", pinLength)}</p>
            <form id="kc-branchkey-set-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  novalidate="novalidate" onsubmit="login.disabled = true; return true;">
                <@field.group name="pin" label=msg("branchkeyPinNew") error=messagesPerField.get('pin') required=true>
                    <span class="${properties.kcInputClass} <#if messagesPerField.existsError('pin')>${properties.kcError}</#if>">
                        <input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]*" autocomplete="off"
                               maxlength="${pinLength}" autofocus required aria-describedby="bk-pin-instruction"
                               aria-invalid="<#if messagesPerField.existsError('pin')>true</#if>"/>
                    </span>
                </@field.group>
                <@field.group name="pin-confirm" label=msg("branchkeyPinConfirm") error=messagesPerField.get('pin-confirm') required=true>
                    <span class="${properties.kcInputClass} <#if messagesPerField.existsError('pin-confirm')>${properties.kcError}</#if>">
                        <input id="pin-confirm" name="pin-confirm" type="password" inputmode="numeric" pattern="[0-9]*"
                               autocomplete="off" maxlength="${pinLength}" required
                               aria-invalid="<#if messagesPerField.existsError('pin-confirm')>true</#if>"/>
                    </span>
                </@field.group>
                <@buttons.actionGroup horizontal=true>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                    <#if isAppInitiatedAction??>
                        <@buttons.button id="kc-cancel" name="cancel-aia" label="doCancel" type="secondary"/>
                    </#if>
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
